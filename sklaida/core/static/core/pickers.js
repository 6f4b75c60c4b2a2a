// Makes the choice lists marked data-searchable (core/pickers.py) searchable with Tom Select:
// type part of a name to narrow the list, arrows and Enter to choose. Tom Select is loaded
// only on a page that has such a list. The words come translated from the <script> element's
// data attributes (base.html), never from here. Without scripts the lists stay plain selects.
(() => {
  const script = document.currentScript;
  const words = script.dataset;
  let loading = null;

  function loadTomSelect() {
    if (window.TomSelect) {
      return Promise.resolve();
    }
    if (!loading) {
      loading = new Promise((resolve, reject) => {
        const style = document.createElement("link");
        style.rel = "stylesheet";
        style.href = words.stylesheet;
        document.head.append(style);
        const code = document.createElement("script");
        code.src = words.library;
        code.addEventListener("load", resolve);
        code.addEventListener("error", reject);
        document.head.append(code);
      });
    }
    return loading;
  }

  function message(className, text) {
    const element = document.createElement("div");
    element.className = className;
    element.textContent = text;
    return element;
  }

  function makeSearchable(select) {
    if (select.tomselect) {
      return;
    }
    const picker = new window.TomSelect(select, {
      plugins: select.multiple ? { remove_button: { title: words.remove } } : [],
      maxOptions: null,
      allowEmptyOption: true,
      hidePlaceholder: false,
      render: {
        no_results: () => message("no-results", words.noResults),
      },
    });
    // Tom Select moves the label to its own input; the help text and errors go with it, and
    // the select it keeps up to date (out of the tab order) is hidden from screen readers,
    // who would otherwise meet the same field twice, once without a name.
    select.setAttribute("aria-hidden", "true");
    const input = picker.control_input;
    const description = select.getAttribute("aria-describedby");
    if (description) {
      input.setAttribute("aria-describedby", description);
    }
    if (select.classList.contains("is-invalid")) {
      picker.wrapper.classList.add("is-invalid");
      input.setAttribute("aria-invalid", "true");
    }
  }

  function enhance(root) {
    const selects = root.querySelectorAll("select[data-searchable]");
    if (selects.length) {
      loadTomSelect().then(() => selects.forEach(makeSearchable));
    }
  }

  enhance(document);
  // A form that htmx brings in later (a dialog, a row being edited) is enhanced too.
  document.addEventListener("htmx:load", (event) => enhance(event.detail.elt));
})();

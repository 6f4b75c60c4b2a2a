// Tables that fit a phone: below the `md` breakpoint sklaida.css lays each row out as a
// card of "label: value" lines. The labels are the column headings, copied here into every
// cell's data-label; the ARIA roles keep the table a table for screen readers, which drop
// table semantics once CSS changes a cell's display. A table that must keep its grid (a
// calendar month) carries data-keep-layout. Rows htmx swaps in are labelled again.
(() => {
  const ROLES = [
    ["thead, tbody, tfoot", "rowgroup"],
    ["tr", "row"],
    ["thead th, th[scope=col]", "columnheader"],
    ["tbody th, th[scope=row]", "rowheader"],
    ["td", "cell"],
  ];

  function headings(table) {
    const row = table.tHead && table.tHead.rows[table.tHead.rows.length - 1];
    const labels = [];
    if (!row) return labels;
    for (const cell of row.cells) {
      // A heading only screen readers hear (a column of buttons) gives no visible label.
      const hidden = [...cell.querySelectorAll(".visually-hidden")].map((e) => e.textContent).join("");
      const text = cell.textContent.replace(hidden, "").replace(/\s+/g, " ").trim();
      for (let span = 0; span < cell.colSpan; span += 1) labels.push(text);
    }
    return labels;
  }

  function stack(table) {
    const labels = headings(table);
    if (!labels.length) return;
    table.classList.add("table-stack");
    table.setAttribute("role", "table");
    for (const [selector, role] of ROLES) {
      for (const element of table.querySelectorAll(selector)) {
        if (element.closest("table") === table) element.setAttribute("role", role);
      }
    }
    for (const group of [...table.tBodies, table.tFoot].filter(Boolean)) {
      for (const row of group.rows) {
        let column = 0;
        for (const cell of row.cells) {
          const label = labels[column];
          if (label && !cell.hasAttribute("data-label")) cell.dataset.label = label;
          column += cell.colSpan;
        }
      }
    }
  }

  function stackAll(root) {
    for (const table of root.querySelectorAll("main table.table:not([data-keep-layout])")) {
      stack(table);
    }
  }

  document.addEventListener("DOMContentLoaded", () => stackAll(document));
  document.addEventListener("htmx:afterSettle", () => stackAll(document));
})();

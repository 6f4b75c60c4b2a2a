// The editorial checks beside a text (in a panel, or each remark under its field): marks each finding in the field it was found in (a
// layer behind the field that repeats its text invisibly, with the findings highlighted),
// applies a suggestion with one click, and selects a finding's text on "Show in the text".
// The server's offsets count characters (code points); a field's value counts UTF-16 units.
(function () {
  "use strict";
  var COPIED = ["fontFamily", "fontSize", "fontWeight", "fontStyle", "letterSpacing",
    "lineHeight", "textTransform", "wordSpacing", "textIndent", "paddingTop", "paddingRight",
    "paddingBottom", "paddingLeft", "borderTopWidth", "borderRightWidth",
    "borderBottomWidth", "borderLeftWidth", "boxSizing", "tabSize"];

  function unitIndex(value, codePoints) {
    var index = 0;
    for (var count = 0; count < codePoints && index < value.length; count++) {
      var code = value.charCodeAt(index);
      index += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
    }
    return index;
  }

  function backdropOf(field) {
    var wrapper = field.parentNode;
    if (wrapper.classList.contains("check-highlight")) { return wrapper.firstChild; }
    var focused = document.activeElement === field;
    wrapper = document.createElement("div");
    wrapper.className = "check-highlight";
    var backdrop = document.createElement("div");
    backdrop.className = "check-backdrop";
    backdrop.setAttribute("aria-hidden", "true");
    if (field.tagName === "INPUT") { backdrop.classList.add("check-backdrop-line"); }
    field.parentNode.insertBefore(wrapper, field);
    wrapper.appendChild(backdrop);
    wrapper.appendChild(field);
    if (focused) { field.focus(); }
    field.addEventListener("scroll", function () { sync(field, backdrop); });
    field.addEventListener("input", function () { backdrop.replaceChildren(); });
    window.addEventListener("resize", function () { sync(field, backdrop); });
    return backdrop;
  }

  function sync(field, backdrop) {
    var style = window.getComputedStyle(field);
    COPIED.forEach(function (name) { backdrop.style[name] = style[name]; });
    backdrop.style.borderStyle = "solid";
    backdrop.style.borderColor = "transparent";
    backdrop.style.width = field.offsetWidth + "px";
    backdrop.style.height = field.offsetHeight + "px";
    // A scroll bar narrows the field's text: the layer's text wraps at the same width.
    var scrollBar = field.offsetWidth - field.clientWidth -
      parseFloat(style.borderLeftWidth) - parseFloat(style.borderRightWidth);
    backdrop.style.paddingRight = (parseFloat(style.paddingRight) + scrollBar) + "px";
    backdrop.scrollTop = field.scrollTop;
    backdrop.scrollLeft = field.scrollLeft;
  }

  function ghost(text) {
    var span = document.createElement("span");
    span.className = "check-ghost";
    span.textContent = text;
    return span;
  }

  function paint(panel) {
    var fields = (panel.dataset.checkFields || "").split(/\s+/).filter(Boolean);
    fields.forEach(function (id) {
      var field = document.getElementById(id);
      if (!field) { return; }
      var backdrop = backdropOf(field);
      var value = field.value;
      var spans = [];
      // A remark is in the panel, or under its field (the content editor's `beside_fields`).
      document.querySelectorAll(".check-finding[data-field='" + id + "']").forEach(function (item) {
        var start = unitIndex(value, parseInt(item.dataset.start, 10));
        var end = unitIndex(value, parseInt(item.dataset.end, 10));
        if (value.slice(start, end) === item.dataset.original && end > start) {
          spans.push({ start: start, end: end, id: item.id });
        }
      });
      spans.sort(function (a, b) { return a.start - b.start; });
      var nodes = [];
      var at = 0;
      spans.forEach(function (span) {
        if (span.start < at) { return; }  // overlapping remarks: the first one is marked
        nodes.push(ghost(value.slice(at, span.start)));
        var mark = document.createElement("mark");
        mark.className = "check-mark";
        mark.dataset.finding = span.id;
        mark.appendChild(ghost(value.slice(span.start, span.end)));
        nodes.push(mark);
        at = span.end;
      });
      nodes.push(ghost(value.slice(at) + "\n"));
      backdrop.replaceChildren.apply(backdrop, nodes);
      sync(field, backdrop);
    });
    document.querySelectorAll(".check-actions").forEach(function (actions) {
      actions.hidden = false;
    });
  }

  function located(item) {
    var field = document.getElementById(item.dataset.field);
    if (!field) { return null; }
    var value = field.value;
    var start = unitIndex(value, parseInt(item.dataset.start, 10));
    var end = unitIndex(value, parseInt(item.dataset.end, 10));
    var original = item.dataset.original;
    if (value.slice(start, end) !== original) {
      // The text changed since it was checked: the nearest place with the same text.
      var before = value.lastIndexOf(original, start);
      var after = value.indexOf(original, start);
      if (before === -1 && after === -1) { return { field: field }; }
      start = after === -1 || (before !== -1 && start - before < after - start) ? before : after;
      end = start + original.length;
    }
    return { field: field, start: start, end: end };
  }

  function recheck() {
    document.body.dispatchEvent(new CustomEvent("checks-recheck", { bubbles: true }));
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-check-fix], [data-check-show]");
    if (!button) { return; }
    var item = button.closest(".check-finding");
    var place = located(item);
    if (!place) { return; }
    if (place.start === undefined) { recheck(); return; }
    var field = place.field;
    field.focus();
    if (button.hasAttribute("data-check-fix")) {
      field.setRangeText(button.dataset.suggestion, place.start, place.end, "select");
      field.dispatchEvent(new Event("input", { bubbles: true }));
      recheck();
    } else {
      field.setSelectionRange(place.start, place.end);
    }
  });

  function start() {
    document.querySelectorAll(".checks-panel").forEach(function (panel) {
      (panel.dataset.checkFields || "").split(/\s+/).forEach(function (id) {
        var field = document.getElementById(id);
        if (field) { backdropOf(field); }
      });
      paint(panel);
    });
  }

  document.addEventListener("htmx:afterSwap", function (event) {
    var panel = event.target.closest(".checks-panel");
    if (panel && event.target.classList.contains("checks-result")) { paint(panel); }
  });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

// The live character counter of a channel text: shows the chosen channel's limit and
// announces (aria-live) how many characters are used; the server warns again on save.
(function () {
  "use strict";
  var counter = document.getElementById("text-counter");
  var limitsNode = document.getElementById("channel-limits");
  if (!counter || !limitsNode) { return; }
  var text = document.getElementById(counter.dataset.counterFor);
  var channel = document.getElementById(counter.dataset.channelField);
  var limits = JSON.parse(limitsNode.textContent);
  var timer = null;
  // Counts as the page's language writes them: "63 206" in Lithuanian, "63,206" in English.
  var numbers = new Intl.NumberFormat(document.documentElement.lang || undefined);

  function fill(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (_match, name) {
      return numbers.format(values[name]);
    });
  }

  function update() {
    var count = Array.from(text.value).length;
    var limit = channel ? parseInt(limits[channel.value], 10) : NaN;
    var message;
    if (!limit) {
      message = fill(counter.dataset.templatePlain, { count: count });
      counter.classList.remove("text-danger-emphasis");
    } else if (count > limit) {
      message = fill(counter.dataset.templateOver, { count: count, limit: limit, over: count - limit });
      counter.classList.add("text-danger-emphasis");
    } else {
      message = fill(counter.dataset.templateLimit, { count: count, limit: limit });
      counter.classList.remove("text-danger-emphasis");
    }
    counter.textContent = message;
  }

  // Screen readers hear the count once typing pauses, not on every key.
  text.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(update, 400);
  });
  if (channel) { channel.addEventListener("change", update); }
  update();
})();

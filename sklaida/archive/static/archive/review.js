// The selection screen by keyboard: move with the arrows, S/X/U select, reject or clear,
// 1–5 rate (0 clears), C compare with the look-alike, M mark, E edit the marked files.
// Every action is the same POST the buttons make without this script.
(function () {
  "use strict";
  const grid = document.getElementById("review-grid");
  const stage = document.getElementById("review-stage");
  if (!grid || !stage) return;
  const cards = Array.from(grid.querySelectorAll(".review-card"));
  const form = document.getElementById("stage-form");
  const csrf = form ? form.querySelector("input[name=csrfmiddlewaretoken]").value : "";
  const words = JSON.parse(document.getElementById("review-words").textContent);
  const marked = new Set();
  let index = Math.max(0, cards.findIndex(function (card) { return card.getAttribute("aria-current") === "true"; }));

  function urlFor(template, pk) { return template.replace(/\/0\//, "/" + pk + "/"); }
  function stars(n) { return "★".repeat(n) + "☆".repeat(5 - n); }

  function show(newIndex, focus) {
    if (newIndex < 0 || newIndex >= cards.length) return;
    cards[index].removeAttribute("aria-current");
    index = newIndex;
    const card = cards[index];
    card.setAttribute("aria-current", "true");
    const image = document.getElementById("stage-image");
    if (image && image.tagName === "IMG" && card.dataset.preview) image.src = card.dataset.preview;
    const link = document.getElementById("stage-link");
    link.textContent = card.dataset.title;
    link.href = card.dataset.url;
    if (form) form.action = urlFor(stage.dataset.reviewUrlTemplate, card.dataset.pk);
    const compare = document.getElementById("stage-compare");
    compare.hidden = !card.dataset.lookAlike;
    compare.querySelector("a").href = urlFor(stage.dataset.compareUrlTemplate, card.dataset.pk);
    describe(card);
    if (focus) card.querySelector("a").focus();
    card.scrollIntoView({ block: "nearest" });
  }

  function describe(card) {
    const rating = parseInt(card.dataset.rating || "0", 10);
    if (card === cards[index]) {
      document.getElementById("stage-state").textContent =
        card.dataset.selectionLabel + " · " + stars(rating) + " (" + rating + " " + words.stars + ")";
    }
    card.className = "review-card is-" + card.dataset.selection + (marked.has(card.dataset.pk) ? " is-marked" : "");
    card.querySelector(".card-state").textContent = card.dataset.selectionLabel;
    card.querySelector(".card-stars").textContent = rating ? stars(rating) : "";
  }

  function review(fields, advance) {
    // Move on at once, so the next key acts on the next picture while this one saves.
    const card = cards[index];
    if (advance) show(index + 1, true);
    const body = new URLSearchParams(fields);
    return fetch(urlFor(stage.dataset.reviewUrlTemplate, card.dataset.pk), {
      method: "POST",
      headers: { "X-CSRFToken": csrf, Accept: "application/json" },
      body: body,
    }).then(function (response) { return response.json(); }).then(function (result) {
      if (result.error) { show(cards.indexOf(card), true); document.getElementById("stage-state").textContent = result.error; return; }
      card.dataset.selection = result.selection;
      card.dataset.selectionLabel = result.selection_label;
      card.dataset.rating = result.rating;
      describe(card);
    });
  }

  function toggleMark() {
    const card = cards[index];
    if (marked.has(card.dataset.pk)) marked.delete(card.dataset.pk); else marked.add(card.dataset.pk);
    describe(card);
    document.getElementById("marked-ids").value = Array.from(marked).join(",");
    document.getElementById("marked-count").textContent = marked.size;
  }

  grid.addEventListener("click", function (event) {
    const card = event.target.closest(".review-card");
    if (!card) return;
    event.preventDefault();
    show(cards.indexOf(card), true);
  });

  if (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      const button = event.submitter;
      const fields = {};
      fields[button.name] = button.value;
      review(fields, button.name === "selection" && button.value !== "unreviewed");
    });
  }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.target.closest("input, textarea, select, [contenteditable]")) return;
    const key = event.key.toLowerCase();
    if (key === "arrowright") show(index + 1, true);
    else if (key === "arrowleft") show(index - 1, true);
    else if (key === "home") show(0, true);
    else if (key === "end") show(cards.length - 1, true);
    else if (!form) return;
    else if (key === "s" || key === "p") review({ selection: "selected" }, true);
    else if (key === "x") review({ selection: "rejected" }, true);
    else if (key === "u") review({ selection: "unreviewed" }, false);
    else if (/^[0-5]$/.test(key)) review({ rating: key }, false);
    else if (key === "m") toggleMark();
    else if (key === "e" && marked.size) document.getElementById("marked-form").submit();
    else if (key === "c" && cards[index].dataset.lookAlike) window.location = document.querySelector("#stage-compare a").href;
    else if (key === "enter" && event.target === document.body) window.location = cards[index].dataset.url;
    else return;
    event.preventDefault();
  });
})();

// The design board: drag a card to another column to move the request. Each card also
// has a "Move to" form, the keyboard's way to do the same. The card's data-move-url takes
// `status` and answers {ok, message}; data-moves lists the columns it may go to.
(function () {
  "use strict";

  var board = document.getElementById("board");
  var alertRegion = document.getElementById("board-alert");
  if (!board) return;
  var dragged = null;

  function showProblem(message) {
    alertRegion.className = "alert alert-danger";
    alertRegion.textContent = message;
  }

  function allowed(card, status) {
    return (card.dataset.moves || "").split(" ").indexOf(status) !== -1;
  }

  function move(card, status) {
    var body = new FormData();
    body.append("status", status);
    fetch(card.dataset.moveUrl, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "Accept": "application/json", "X-CSRFToken": board.dataset.csrf },
    })
      .then(function (response) {
        return response.json().catch(function () {
          return { ok: false, message: response.statusText };
        });
      })
      .then(function (result) {
        if (result.ok) {
          window.location.reload();
        } else {
          showProblem(result.message);
        }
      })
      .catch(function () {
        showProblem(alertRegion.dataset.offline);
      });
  }

  board.addEventListener("dragstart", function (event) {
    var card = event.target.closest && event.target.closest(".design-card[draggable='true']");
    if (!card) return;
    dragged = card;
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", card.dataset.title || "");
  });

  board.addEventListener("dragend", function () {
    dragged = null;
    board.querySelectorAll(".design-drop-target").forEach(function (column) {
      column.classList.remove("design-drop-target");
    });
  });

  board.addEventListener("dragover", function (event) {
    var column = event.target.closest && event.target.closest(".design-column");
    if (!dragged || !column || !allowed(dragged, column.dataset.status)) return;
    event.preventDefault();
    column.classList.add("design-drop-target");
  });

  board.addEventListener("dragleave", function (event) {
    var column = event.target.closest && event.target.closest(".design-column");
    if (column && !column.contains(event.relatedTarget)) {
      column.classList.remove("design-drop-target");
    }
  });

  board.addEventListener("drop", function (event) {
    var column = event.target.closest && event.target.closest(".design-column");
    if (!dragged || !column) return;
    event.preventDefault();
    if (allowed(dragged, column.dataset.status)) move(dragged, column.dataset.status);
  });
})();

// The staff calendars (events, content): drag an entry to another day (month) or hour
// (week) to move it. Each movable entry also has a "Move" form, the keyboard's way to do
// the same. The entry's data-move-url takes `date` and `time` and answers {ok, message}.
(function () {
  "use strict";

  var root = document.getElementById("calendar");
  var alertRegion = document.getElementById("calendar-alert");
  if (!root) return;
  var dragged = null;

  function showProblem(message) {
    alertRegion.className = "calendar-alert alert alert-danger";
    alertRegion.textContent = message;
  }

  function moveTo(entry, date, time) {
    var body = new FormData();
    body.append("date", date);
    body.append("time", time);
    return fetch(entry.dataset.moveUrl, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "Accept": "application/json", "X-CSRFToken": root.dataset.csrf },
    })
      .then(function (response) {
        return response.json().catch(function () {
          return { ok: false, message: response.statusText };
        });
      })
      .then(function (result) {
        if (result.ok) {
          // The page is drawn again from the server, so the entry shows at its new place
          // (an event with its set-up time), and the success message is announced.
          window.location.reload();
        } else {
          showProblem(result.message);
        }
      })
      .catch(function () {
        showProblem(alertRegion.dataset.offline || "It could not be moved.");
      });
  }

  root.addEventListener("dragstart", function (event) {
    var entry = event.target.closest && event.target.closest(".cal-entry[draggable='true']");
    if (!entry) return;
    dragged = entry;
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", entry.dataset.title || "");
  });

  root.addEventListener("dragend", function () {
    dragged = null;
    root.querySelectorAll(".cal-drop-target").forEach(function (cell) {
      cell.classList.remove("cal-drop-target");
    });
  });

  function cellOf(event) {
    return event.target.closest && event.target.closest("[data-drop-date]");
  }

  root.addEventListener("dragover", function (event) {
    var cell = cellOf(event);
    if (!dragged || !cell) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
  });

  root.addEventListener("dragenter", function (event) {
    var cell = cellOf(event);
    if (dragged && cell) cell.classList.add("cal-drop-target");
  });

  root.addEventListener("dragleave", function (event) {
    var cell = cellOf(event);
    if (cell && !cell.contains(event.relatedTarget)) cell.classList.remove("cal-drop-target");
  });

  root.addEventListener("drop", function (event) {
    var cell = cellOf(event);
    if (!dragged || !cell) return;
    event.preventDefault();
    cell.classList.remove("cal-drop-target");
    // A month cell keeps the event's time of day; a week cell gives the hour.
    var time = cell.dataset.dropTime || dragged.dataset.time;
    var entry = dragged;
    dragged = null;
    moveTo(entry, cell.dataset.dropDate, time);
  });
})();

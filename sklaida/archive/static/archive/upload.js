// Resumable uploads of a batch's files with tus-js-client: each file shows its progress,
// and choosing the same file again after a dropped connection continues where it stopped.
// Without this script the form posts the files in one ordinary request.
(function () {
  "use strict";
  const form = document.getElementById("upload-form");
  if (!form || !window.tus || !window.tus.isSupported) return;
  const input = form.querySelector("input[type=file]");
  const list = document.getElementById("upload-progress");
  const rowTemplate = document.getElementById("upload-row");
  const words = JSON.parse(document.getElementById("upload-messages").textContent);
  const csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  const parallel = 2;

  function row(file) {
    const item = rowTemplate.content.firstElementChild.cloneNode(true);
    item.querySelector(".upload-name").textContent = file.name;
    item.querySelector("progress").setAttribute("aria-label", file.name);
    item.querySelector(".upload-state").textContent = words.waiting;
    list.appendChild(item);
    return item;
  }

  function send(file, item) {
    return new Promise(function (resolve) {
      const bar = item.querySelector("progress");
      const state = item.querySelector(".upload-state");
      const upload = new tus.Upload(file, {
        endpoint: form.dataset.tusEndpoint,
        chunkSize: 8 * 1024 * 1024,
        retryDelays: [0, 1000, 3000, 5000, 10000],
        removeFingerprintOnSuccess: true,
        metadata: { filename: file.name, filetype: file.type },
        headers: { "X-CSRFToken": csrf },
        onProgress: function (sent, total) {
          bar.value = total ? Math.floor((sent / total) * 100) : 100;
          state.textContent = bar.value + " %";
        },
        onError: function (error) {
          state.textContent = words.failed + " " + (error.message || error);
          resolve();
        },
        onSuccess: function (payload) {
          bar.value = 100;
          let text = words.done;
          const header = payload && payload.lastResponse && payload.lastResponse.getHeader("Sklaida-Result");
          if (header) {
            const result = JSON.parse(decodeURIComponent(header));
            text = result.outcome + (result.message ? ": " + result.message : "");
          }
          state.textContent = text;
          resolve();
        },
      });
      upload.findPreviousUploads().then(function (previous) {
        if (previous.length) {
          upload.resumeFromPreviousUpload(previous[0]);
          state.textContent = words.resumed;
        }
        upload.start();
      });
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    const queue = Array.from(input.files).map(function (file) { return [file, row(file)]; });
    input.value = "";
    function next() {
      const job = queue.shift();
      return job ? send(job[0], job[1]).then(next) : Promise.resolve();
    }
    const workers = [];
    for (let i = 0; i < parallel; i++) workers.push(next());
    Promise.all(workers).then(function () {
      document.body.dispatchEvent(new CustomEvent("uploads-finished"));
    });
  });
})();

// The results refresh every 3 seconds only while the tab is in view (a trigger filter in the
// markup would need eval, which the Content-Security-Policy refuses).
document.body.addEventListener("htmx:beforeRequest", (event) => {
  if (document.hidden && event.detail.elt.id === "batch-items") {
    event.preventDefault();
  }
});

// Asks before a form that cannot be undone is sent: a form, or the button that sends it,
// carries its question in data-confirm. (Instead of onsubmit="…": no inline scripts run
// under the Content-Security-Policy.) Without scripts the form is simply sent.
document.addEventListener("submit", (event) => {
  const button = event.submitter;
  const question = (button && button.dataset.confirm) || event.target.dataset.confirm;
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});

// The questionnaire works without this file. It only moves focus to the error summary, so
// screen reader and keyboard users hear what went wrong first, and offers a print button.

const summary = document.querySelector("[data-error-summary]");
if (summary) {
  summary.focus();
}

for (const button of document.querySelectorAll("[data-print]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}

// Provider page: "copy link" copies instead of following the link; "print" opens the print
// dialogue. Without this file the link simply leads to the page's address and print is hidden.

const status = document.querySelector("[data-action-status]");

function say(message) {
  if (status) status.textContent = message;
}

const copyLink = document.querySelector("[data-copy-link]");
if (copyLink && navigator.clipboard) {
  copyLink.setAttribute("role", "button");
  copyLink.textContent = copyLink.dataset.copyLabel || copyLink.textContent;
  copyLink.addEventListener("click", async (event) => {
    event.preventDefault();
    try {
      await navigator.clipboard.writeText(copyLink.href);
      say(copyLink.dataset.copiedText || "Link copied");
    } catch {
      window.location.assign(copyLink.href);
    }
  });
  // A link acting as a button must also answer the space bar.
  copyLink.addEventListener("keydown", (event) => {
    if (event.key === " ") {
      event.preventDefault();
      copyLink.click();
    }
  });
}

const printButton = document.querySelector("[data-print]");
if (printButton) {
  printButton.hidden = false;
  printButton.addEventListener("click", () => window.print());
}

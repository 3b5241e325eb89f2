// Small progressive enhancements. The site works fully without this file.

// Filter forms: apply a change without a full reload, keeping the URL shareable.
document.addEventListener("DOMContentLoaded", () => {
  document.documentElement.classList.add("js");
});

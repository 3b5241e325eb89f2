// Apply directory filters, searches and page changes without a full reload.
// The URL stays the state: each change is pushed to the history, Back and Forward work, and
// without this file every link and form still works as a normal page load.

const root = document.querySelector("[data-listing-root]");

function sameOriginListingUrl(href) {
  const url = new URL(href, window.location.href);
  return url.origin === window.location.origin && url.pathname === window.location.pathname
    ? url
    : null;
}

async function load(url, { push = true, focus = true } = {}) {
  root.setAttribute("aria-busy", "true");
  try {
    const response = await fetch(url, { headers: { "X-Requested-With": "fetch" } });
    if (!response.ok && response.status >= 500) throw new Error(String(response.status));
    const html = await response.text();
    const doc = new DOMParser().parseFromString(html, "text/html");
    const fresh = doc.querySelector("[data-listing-root]");
    if (!fresh) throw new Error("no listing in response");
    root.replaceChildren(...fresh.childNodes);
    document.title = doc.title;
    if (push) window.history.pushState({ listing: true }, "", url);
    const heading = root.querySelector("#results-heading");
    const status = root.querySelector("[data-listing-status]");
    if (status && heading) status.textContent = heading.textContent.trim();
    if (focus && heading) heading.focus();
  } catch {
    // Anything unexpected: fall back to an ordinary page load of the same address.
    window.location.assign(url);
  } finally {
    root.removeAttribute("aria-busy");
  }
}

if (root && window.fetch && window.history.pushState) {
  root.addEventListener("click", (event) => {
    const link = event.target.closest("a[href]");
    if (!link || event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (!link.closest(".filters, .pagination, .sort-links, .notice")) return;
    const url = sameOriginListingUrl(link.href);
    if (!url) return;
    event.preventDefault();
    load(url.href);
  });

  root.addEventListener("submit", (event) => {
    const form = event.target.closest("form[data-listing-search]");
    if (!form) return;
    event.preventDefault();
    const url = new URL(window.location.pathname, window.location.href);
    for (const [key, value] of new FormData(form)) {
      if (String(value).trim() !== "") url.searchParams.append(key, String(value));
    }
    load(url.href);
  });

  window.addEventListener("popstate", () => {
    load(window.location.href, { push: false, focus: false });
  });
}

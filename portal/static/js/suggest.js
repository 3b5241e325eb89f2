// Suggestions while typing in a search box: a short list of links to pages whose titles start
// with the words typed, from /search/suggest/. The count is announced politely; the down arrow
// moves into the list, the arrows move along it, Escape goes back to the box. Only an
// enhancement: without it the form submits to the search page as usual.

const MIN_LENGTH = 2;
const DELAY_MS = 200;
let counter = 0;

function enhance(input) {
  const url = input.dataset.suggestUrl;
  if (!url || input.dataset.suggestReady) return;
  input.dataset.suggestReady = "true";
  counter += 1;

  const list = document.createElement("ul");
  list.id = `suggestions-${counter}`;
  list.className = "suggest__list";
  list.setAttribute("aria-label", input.dataset.suggestLabel || "Suggested pages");
  list.hidden = true;

  const status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");

  const wrapper = input.parentElement;
  wrapper.classList.add("suggest");
  input.insertAdjacentElement("afterend", list);
  wrapper.appendChild(status);
  input.setAttribute("aria-controls", list.id);

  let timer = null;
  let controller = null;

  const links = () => Array.from(list.querySelectorAll("a"));

  function close() {
    list.hidden = true;
  }

  function show(results) {
    list.replaceChildren();
    for (const result of results) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = result.url;
      link.className = "suggest__option";
      const title = document.createElement("span");
      title.textContent = result.title;
      if (result.lang) title.lang = result.lang;
      const kind = document.createElement("span");
      kind.className = "suggest__kind";
      kind.textContent = result.kind;
      link.append(title, kind);
      item.appendChild(link);
      list.appendChild(item);
    }
    list.hidden = results.length === 0;
    const message = input.dataset.suggestSome || "{n} suggestions";
    status.textContent = results.length ? message.replace("{n}", String(results.length)) : "";
  }

  async function fetchSuggestions(query) {
    if (controller) controller.abort();
    controller = new AbortController();
    try {
      const response = await fetch(`${url}?q=${encodeURIComponent(query)}`, {
        headers: { Accept: "application/json" },
        signal: controller.signal,
      });
      if (!response.ok) return;
      const data = await response.json();
      if (input.value.trim() === query) show(data.results || []);
    } catch (error) {
      // A network problem or an aborted request: the plain search still works.
    }
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    const query = input.value.trim();
    if (query.length < MIN_LENGTH) {
      show([]);
      return;
    }
    timer = setTimeout(() => fetchSuggestions(query), DELAY_MS);
  });

  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" && !list.hidden && links().length) {
      event.preventDefault();
      links()[0].focus();
    } else if (event.key === "Escape") {
      close();
    }
  });

  list.addEventListener("keydown", (event) => {
    const all = links();
    const index = all.indexOf(document.activeElement);
    if (event.key === "ArrowDown") {
      event.preventDefault();
      all[Math.min(index + 1, all.length - 1)].focus();
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      if (index <= 0) input.focus();
      else all[index - 1].focus();
    } else if (event.key === "Escape") {
      event.preventDefault();
      close();
      input.focus();
    }
  });

  // Close when focus leaves the box and its list altogether.
  wrapper.addEventListener("focusout", (event) => {
    if (!wrapper.contains(event.relatedTarget)) close();
  });
  input.addEventListener("focus", () => {
    if (links().length) list.hidden = false;
  });
}

function init() {
  document.querySelectorAll("input[data-suggest-url]").forEach(enhance);
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", init);
} else {
  init();
}

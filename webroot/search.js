// The search box in every page's header: `/` focuses it, results come from /api/search as the
// reader types, arrow keys move through them and Enter opens one. The pure parts (terms, marking
// matches, moving the selection, whether a key press is typing) are exported for `node --test`.

/** A query's words as the server reads them: letters, digits and `_`, lower case. */
export function terms(query) {
  return (String(query).toLowerCase().match(/[\p{L}\p{N}_]+/gu) || []).filter((t, i, all) => all.indexOf(t) === i);
}

/**
 * Splits text into runs, marking each word that starts with one of the terms, as the server
 * matches them: [{text, match}], which joined give back the text.
 */
export function marks(text, queryTerms) {
  const out = [];
  if (!text) return out;
  const wanted = queryTerms.filter((t) => t.length > 0);
  const push = (piece, match) => {
    if (!piece) return;
    const last = out.at(-1);
    if (last && last.match === match) last.text += piece;
    else out.push({ text: piece, match });
  };
  const word = /[\p{L}\p{N}_]+/gu;
  let at = 0;
  for (const m of text.matchAll(word)) {
    push(text.slice(at, m.index), false);
    const lower = m[0].toLowerCase();
    const term = wanted.find((t) => lower.startsWith(t));
    if (term) {
      push(m[0].slice(0, term.length), true);
      push(m[0].slice(term.length), false);
    } else {
      push(m[0], false);
    }
    at = m.index + m[0].length;
  }
  push(text.slice(at), false);
  return out;
}

/** The option selected after a key press in a list of `count`; -1 is the input itself. */
export function move(current, count, key) {
  if (count === 0) return -1;
  switch (key) {
    case "ArrowDown":
      return current + 1 >= count ? 0 : current + 1;
    case "ArrowUp":
      return current <= 0 ? count - 1 : current - 1;
    case "Home":
      return 0;
    case "End":
      return count - 1;
    default:
      return current;
  }
}

/** Whether a key press belongs to what has focus (a field, an editor) rather than to the page. */
export function isTyping(target) {
  if (!target || typeof target !== "object") return false;
  const tag = (target.tagName || "").toLowerCase();
  if (tag === "input" || tag === "textarea" || tag === "select") return true;
  if (target.isContentEditable) return true;
  return Boolean(target.closest && target.closest(".CodeMirror, [contenteditable='true']"));
}

/** What a result says about where it matched in code: "Python: gather · C#: Task, WhenAll". */
export function codeSummary(code) {
  const byLanguage = new Map();
  for (const { languageName, identifier } of code || []) {
    if (!byLanguage.has(languageName)) byLanguage.set(languageName, []);
    const list = byLanguage.get(languageName);
    if (list.length < 3 && !list.includes(identifier)) list.push(identifier);
  }
  return Array.from(byLanguage, ([name, ids]) => `${name}: ${ids.join(", ")}`).join(" · ");
}

// ---------- the box ----------

const DELAY_MS = 120;

export function initSearch(doc = document) {
  const form = doc.querySelector(".site-search");
  if (!form) return;
  const input = form.querySelector("input[type=search]");
  const list = form.querySelector(".search-results");
  const status = form.querySelector(".search-status");
  const base = doc.documentElement.dataset.base || "";
  let selected = -1;
  let timer = 0;
  let pending = null;
  let shown = [];

  const options = () => Array.from(list.querySelectorAll("[role=option]"));

  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    selected = -1;
  };

  const select = (index) => {
    const all = options();
    selected = index;
    all.forEach((el, i) => el.setAttribute("aria-selected", i === index ? "true" : "false"));
    if (index >= 0 && all[index]) {
      input.setAttribute("aria-activedescendant", all[index].id);
      all[index].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  };

  const text = (parent, value, queryTerms, className) => {
    const span = doc.createElement("span");
    if (className) span.className = className;
    for (const run of marks(value, queryTerms)) {
      if (run.match) {
        const mark = doc.createElement("mark");
        mark.textContent = run.text;
        span.append(mark);
      } else {
        span.append(run.text);
      }
    }
    parent.append(span);
    return span;
  };

  const render = (query, hits) => {
    const queryTerms = terms(query);
    shown = hits;
    list.replaceChildren();
    hits.forEach((hit, i) => {
      const li = doc.createElement("li");
      li.id = `search-option-${i}`;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.className = `search-result is-${hit.kind}`;
      const link = doc.createElement("a");
      link.href = hit.url;
      link.tabIndex = -1;
      text(link, hit.title, queryTerms, "search-title");
      if (hit.kind === "example") {
        const where = doc.createElement("span");
        where.className = "search-where";
        where.textContent = hit.lessonTitle;
        link.append(where);
      }
      const code = codeSummary(hit.code);
      if (code) text(link, code, queryTerms, "search-code");
      else if (hit.context) text(link, hit.context, queryTerms, "search-context");
      li.append(link);
      list.append(li);
    });
    if (hits.length === 0 && queryTerms.length > 0) {
      const li = doc.createElement("li");
      li.className = "search-empty";
      li.textContent = `No lesson or example matches “${query}”.`;
      list.append(li);
    }
    status.textContent =
      queryTerms.length === 0 ? "" : hits.length === 1 ? "1 result" : `${hits.length} results`;
    list.hidden = queryTerms.length === 0;
    input.setAttribute("aria-expanded", list.hidden ? "false" : "true");
    select(hits.length > 0 ? 0 : -1);
  };

  const search = async (query) => {
    if (pending) pending.abort();
    if (terms(query).length === 0) {
      render(query, []);
      return;
    }
    const controller = new AbortController();
    pending = controller;
    try {
      const response = await fetch(`${base}/api/search?q=${encodeURIComponent(query)}`, {
        signal: controller.signal,
        headers: { Accept: "application/json" },
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const body = await response.json();
      if (pending === controller) render(query, body.hits || []);
    } catch (e) {
      if (e.name === "AbortError") return;
      status.textContent = "Search is not available right now.";
    } finally {
      if (pending === controller) pending = null;
    }
  };

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => search(input.value), DELAY_MS);
  });
  input.addEventListener("focus", () => {
    if (shown.length > 0 || terms(input.value).length > 0) {
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      if (!list.hidden) close();
      else input.blur();
      event.preventDefault();
      return;
    }
    if (event.key === "Enter") {
      event.preventDefault();
      const hit = shown[selected >= 0 ? selected : 0];
      if (hit) doc.defaultView.location.assign(hit.url);
      return;
    }
    if (["ArrowDown", "ArrowUp"].includes(event.key) && !list.hidden) {
      event.preventDefault();
      select(move(selected, options().length, event.key));
    }
  });
  list.addEventListener("mousedown", (event) => event.preventDefault()); // keep focus for clicks
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("focusout", (event) => {
    if (!form.contains(event.relatedTarget)) close();
  });

  doc.addEventListener("keydown", (event) => {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    if (isTyping(event.target)) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
  form.hidden = false;
}

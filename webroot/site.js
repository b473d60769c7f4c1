// Polyglot Playground front end. A plain ES module: no bundler, no framework.
// The pages work without it; this adds the theme toggle, the language picker,
// variant tabs, copy buttons and syntax highlighting, then loads the live runner.

import { initSearch } from "./search.js";
import { initShortcuts } from "./shortcuts.js";
import { initProgress } from "./progress.js";
import { load, loadJson, save } from "./storage.js";

const THEME_KEY = "pp.theme";
const LANGS_KEY = "pp.langs";

// ---------- theme ----------

function systemTheme() {
  try {
    return window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  } catch {
    return "light";
  }
}

function currentTheme() {
  const set = document.documentElement.dataset.theme;
  return set === "dark" || set === "light" ? set : systemTheme();
}

function initTheme() {
  const button = document.getElementById("theme-toggle");
  if (!button) return;
  const label = button.querySelector(".theme-toggle-label");

  const render = () => {
    const dark = currentTheme() === "dark";
    button.setAttribute("aria-pressed", dark ? "true" : "false");
    button.title = dark ? "Switch to light theme" : "Switch to dark theme";
    if (label) label.textContent = "Dark theme";
  };

  button.addEventListener("click", () => {
    const next = currentTheme() === "dark" ? "light" : "dark";
    document.documentElement.dataset.theme = next;
    save(THEME_KEY, next);
    render();
  });

  try {
    const query = window.matchMedia("(prefers-color-scheme: dark)");
    if (query.addEventListener) query.addEventListener("change", render);
  } catch {
    /* no matchMedia: nothing to follow */
  }

  render();
  button.hidden = false;
}

// ---------- language picker ----------

function initLanguages() {
  const form = document.querySelector("form.lang-picker");
  const knownSelect = document.getElementById("lang-known");
  const learningSelect = document.getElementById("lang-learning");
  if (!form || !knownSelect || !learningSelect) return;

  const boxes = Array.from(form.querySelectorAll('input[type="checkbox"][name="show-lang"]'));
  const canonical = Array.from(knownSelect.options, (option) => option.value);
  if (canonical.length === 0) return;
  const isLang = (id) => typeof id === "string" && canonical.includes(id);

  const lesson = document.querySelector("[data-from][data-to].lesson");
  const firstCard = document.querySelector(".lesson-card[data-from][data-to]");
  const hint = document.querySelector(".picker-hint");
  const defaults = lesson || firstCard;

  const saved = loadJson(LANGS_KEY);
  const state = {
    known: canonical[0],
    learning: canonical[1] || canonical[0],
    hidden: [],
    // Wide screens show the reader's pair at full width, the other languages in a row under it,
    // and wrap long lines, so that no code is cut off; "row" puts every language in one row.
    layout: "pair",
    wrap: true,
  };
  if (defaults) {
    if (isLang(defaults.dataset.from)) state.known = defaults.dataset.from;
    if (isLang(defaults.dataset.to)) state.learning = defaults.dataset.to;
  }
  if (saved) {
    if (isLang(saved.known)) state.known = saved.known;
    if (isLang(saved.learning)) state.learning = saved.learning;
    if (Array.isArray(saved.hidden)) {
      state.hidden = canonical.filter((id) => saved.hidden.includes(id));
    }
    if (state.hidden.length >= canonical.length) state.hidden = [];
    if (saved.layout === "pair" || saved.layout === "row") state.layout = saved.layout;
    if (typeof saved.wrap === "boolean") state.wrap = saved.wrap;
  }
  const layouts = Array.from(form.querySelectorAll('input[name="layout"]'));
  const wrapBox = form.querySelector('input[name="wrap"]');

  // Language names as the picker shows them ("C#", "JavaScript"), to find them in the notes.
  const names = Object.fromEntries(Array.from(knownSelect.options).map((o) => [o.value, o.text]));

  const persist = () =>
    save(
      LANGS_KEY,
      JSON.stringify({
        known: state.known,
        learning: state.learning,
        hidden: state.hidden,
        layout: state.layout,
        wrap: state.wrap,
      }),
    );

  const order = () => {
    const first = [state.known];
    if (state.learning !== state.known) first.push(state.learning);
    return first.concat(canonical.filter((id) => !first.includes(id)));
  };

  const apply = () => {
    knownSelect.value = state.known;
    learningSelect.value = state.learning;
    for (const box of boxes) box.checked = !state.hidden.includes(box.value);
    for (const radio of layouts) radio.checked = radio.value === state.layout;
    if (wrapBox) wrapBox.checked = state.wrap;
    document.documentElement.classList.toggle("layout-row", state.layout === "row");
    document.documentElement.classList.toggle("wrap-code", state.wrap);

    const wanted = order();
    for (const panes of document.querySelectorAll(".panes")) layoutPanes(panes, wanted, state.hidden);
    orderNotes(wanted.slice(0, 2), names);

    for (const card of document.querySelectorAll(".lesson-card[data-from][data-to]")) {
      const match = card.dataset.from === state.known && card.dataset.to === state.learning;
      card.classList.toggle("is-match", match);
      const badge = card.querySelector(".match-badge");
      if (badge) badge.hidden = !match;
      const dimmed = state.hidden.includes(card.dataset.from) || state.hidden.includes(card.dataset.to);
      card.classList.toggle("is-dimmed", dimmed && !match);
    }
    if (hint) hint.hidden = !document.querySelector(".lesson-card.is-match");
  };

  const choose = (which, value) => {
    if (!isLang(value)) return;
    state[which] = value;
    // picking a language means you want to see it
    state.hidden = state.hidden.filter((id) => id !== value);
    persist();
    apply();
  };

  knownSelect.addEventListener("change", () => choose("known", knownSelect.value));
  learningSelect.addEventListener("change", () => choose("learning", learningSelect.value));
  for (const box of boxes) {
    box.addEventListener("change", () => {
      const hidden = boxes.filter((b) => !b.checked).map((b) => b.value);
      if (hidden.length >= canonical.length) {
        // keep at least one language on screen
        box.checked = true;
        return;
      }
      state.hidden = canonical.filter((id) => hidden.includes(id));
      persist();
      apply();
    });
  }
  for (const radio of layouts) {
    radio.addEventListener("change", () => {
      if (!radio.checked) return;
      state.layout = radio.value;
      persist();
      apply();
    });
  }
  wrapBox?.addEventListener("change", () => {
    state.wrap = wrapBox.checked;
    persist();
    apply();
  });
  form.addEventListener("submit", (event) => event.preventDefault());

  apply();
  form.hidden = false;
}

// Puts the "What differs" notes about the reader's pair first: notes naming both languages,
// then the one being learned, then the one known, then the rest, each group in the author's order.
function orderNotes([known, learning], names) {
  const mentions = (text, id) => {
    const name = names[id];
    if (!name) return false;
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return new RegExp(`(^|[^A-Za-z])${escaped}(?![A-Za-z#])`).test(text);
  };
  for (const list of document.querySelectorAll(".differs > ul, .differs > ol")) {
    const items = Array.from(list.children);
    items.forEach((item, index) => {
      if (!item.dataset.index) item.dataset.index = String(index);
    });
    const rank = (item) => {
      const text = item.textContent || "";
      const k = mentions(text, known);
      const l = learning !== known && mentions(text, learning);
      if (k && l) return 0;
      if (l) return 1;
      if (k) return 2;
      return 3;
    };
    items
      .sort((a, b) => rank(a) - rank(b) || Number(a.dataset.index) - Number(b.dataset.index))
      .forEach((item) => list.appendChild(item));
  }
}

// Orders one .panes container: known, learning, then the rest canonically.
// Moves the DOM nodes (so tab order and screen readers follow) and sets the CSS order too.
function layoutPanes(container, wanted, hidden) {
  const panes = Array.from(container.children).filter((el) => el.classList.contains("pane"));
  const rank = (pane) => {
    const i = wanted.indexOf(pane.dataset.lang);
    return i < 0 ? wanted.length : i;
  };
  const sorted = panes
    .map((pane, index) => ({ pane, index }))
    .sort((a, b) => rank(a.pane) - rank(b.pane) || a.index - b.index)
    .map((entry) => entry.pane);

  const inPlace = sorted.every((pane, i) => panes[i] === pane);
  const focused = document.activeElement;
  sorted.forEach((pane, i) => {
    pane.style.order = String(i);
    if (!inPlace) container.appendChild(pane);
  });
  if (!inPlace && focused instanceof HTMLElement && container.contains(focused)) focused.focus();

  let visible = 0;
  for (const pane of sorted) {
    pane.hidden = hidden.includes(pane.dataset.lang);
    pane.classList.remove("is-last-odd");
    if (!pane.hidden) visible += 1;
  }
  const shown = sorted.filter((pane) => !pane.hidden);
  if (shown.length % 2 === 1 && shown.length > 1) shown[shown.length - 1].classList.add("is-last-odd");
  container.dataset.count = String(visible);
  container.style.setProperty("--cols", String(Math.max(visible, 1)));
}

// ---------- variant tabs ----------

function initTabs() {
  for (const list of document.querySelectorAll('.pane [role="tablist"]')) {
    const pane = list.closest(".pane");
    const tabs = Array.from(list.querySelectorAll('[role="tab"]'));
    if (!pane || tabs.length === 0) continue;
    const panelOf = (tab) => document.getElementById(tab.getAttribute("aria-controls") || "");
    if (!tabs.every(panelOf)) continue;

    const select = (tab, focus) => {
      for (const other of tabs) {
        const on = other === tab;
        other.setAttribute("aria-selected", on ? "true" : "false");
        other.tabIndex = on ? 0 : -1;
        panelOf(other).hidden = !on;
      }
      if (focus) tab.focus();
    };

    list.addEventListener("click", (event) => {
      const tab = event.target instanceof Element ? event.target.closest('[role="tab"]') : null;
      if (tab && tabs.includes(tab)) select(tab, false);
    });
    list.addEventListener("keydown", (event) => {
      const i = tabs.indexOf(document.activeElement);
      if (i < 0) return;
      let next = -1;
      if (event.key === "ArrowRight" || event.key === "ArrowDown") next = (i + 1) % tabs.length;
      else if (event.key === "ArrowLeft" || event.key === "ArrowUp") next = (i - 1 + tabs.length) % tabs.length;
      else if (event.key === "Home") next = 0;
      else if (event.key === "End") next = tabs.length - 1;
      if (next < 0) return;
      event.preventDefault();
      select(tabs[next], true);
    });

    const initial = tabs.find((tab) => tab.getAttribute("aria-selected") === "true") || tabs[0];
    select(initial, false);
    pane.classList.add("tabbed");
    list.hidden = false;
  }
}

// ---------- copy buttons ----------

function copyWithSelection(text, host) {
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.className = "visually-hidden";
  host.appendChild(area);
  let ok = false;
  try {
    area.select();
    ok = document.execCommand("copy");
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

async function copyText(text, host) {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    /* denied or unavailable: fall back below */
  }
  return copyWithSelection(text, host);
}

function initCopy() {
  for (const button of document.querySelectorAll(".pane button.copy")) {
    const pane = button.closest(".pane");
    if (!pane) continue;
    const status = pane.querySelector(".copy-status");
    const label = button.textContent;
    let timer = 0;

    button.addEventListener("click", async () => {
      const code =
        pane.querySelector(".variant:not([hidden]) pre.code code") || pane.querySelector("pre code");
      if (!code) return;
      const ok = await copyText(code.textContent || "", pane);
      if (!ok) {
        // leave the code selected so Ctrl+C / Cmd+C works
        try {
          const range = document.createRange();
          range.selectNodeContents(code);
          const selection = window.getSelection();
          if (selection) {
            selection.removeAllRanges();
            selection.addRange(range);
          }
        } catch {
          /* nothing more to try */
        }
      }
      button.textContent = ok ? "Copied" : "Press Ctrl+C";
      button.classList.toggle("is-copied", ok);
      button.classList.toggle("is-failed", !ok);
      if (status) status.textContent = ok ? "Code copied to the clipboard." : "Could not copy. The code is selected.";
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        button.textContent = label;
        button.classList.remove("is-copied", "is-failed");
        if (status) status.textContent = "";
      }, 1800);
    });
    button.hidden = false;
  }
}

// ---------- syntax highlighting ----------

function highlight() {
  const hljs = globalThis.hljs;
  if (!hljs || typeof hljs.highlightElement !== "function") return;
  try {
    hljs.configure({ ignoreUnescapedHTML: true });
  } catch {
    /* old API: fine */
  }
  for (const code of document.querySelectorAll('pre code[class^="language-"], pre code[class*=" language-"]')) {
    if (code.dataset.highlighted) continue;
    const match = /(?:^|\s)language-([\w#+-]+)/.exec(code.className);
    if (!match) continue;
    if (typeof hljs.getLanguage === "function" && !hljs.getLanguage(match[1])) continue;
    try {
      hljs.highlightElement(code);
    } catch {
      /* leave it plain */
    }
  }
}

// ---------- scrollable regions ----------

// Code, output and wide tables scroll sideways (and a widget's code downwards). A region that
// scrolls must be reachable from the keyboard to be scrolled with the arrow keys, so it joins the
// tab order, but only while it does scroll: a pane whose code fits is no extra stop. Code blocks
// are named on the server ("Python code"); code from the lesson's prose is named here.
const SCROLLERS = "pre.code, pre.output, .prose pre, .prose table";

function initScrollables() {
  const update = (node) => {
    const scrolls = node.scrollWidth > node.clientWidth || node.scrollHeight > node.clientHeight;
    if (scrolls && !node.hasAttribute("tabindex")) {
      node.tabIndex = 0;
      node.dataset.scrollFocus = "";
      if (node.tagName === "PRE" && !node.hasAttribute("aria-label")) {
        node.setAttribute("role", "group");
        node.setAttribute("aria-label", "Code");
      }
    } else if (!scrolls && node.dataset.scrollFocus !== undefined) {
      node.removeAttribute("tabindex");
      delete node.dataset.scrollFocus;
    }
  };
  const nodes = document.querySelectorAll(SCROLLERS);
  nodes.forEach(update);
  // Whether a region scrolls changes with the window, the picked languages and the variant tabs.
  if (typeof ResizeObserver === "function") {
    const observer = new ResizeObserver((entries) => entries.forEach((entry) => update(entry.target)));
    nodes.forEach((node) => observer.observe(node));
  }
}

// ---------- start ----------

function run(step) {
  try {
    step();
  } catch {
    /* one broken feature must not stop the others */
  }
}

// The embed docs show snippets with this server's own address in them.
function fillOrigin() {
  for (const code of document.querySelectorAll("[data-fill-origin]")) {
    code.textContent = code.textContent.replaceAll("https://playground.example.org", location.origin);
  }
}

function start() {
  document.documentElement.classList.add("js");
  run(fillOrigin);
  run(initTheme);
  run(initTabs);
  run(initLanguages);
  run(initCopy);
  run(highlight);
  run(initScrollables);
  run(initSearch);
  run(initShortcuts);
  run(initProgress);
  // The live playground only where there is code to run; its modules sit beside this one, under
  // the same versioned path.
  if (document.querySelector(".pane[data-runnable]")) {
    import("./live/playground.js")
      .then((live) => live.start())
      .catch((e) => console.error("playground: could not start the live runner", e));
  }
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", start, { once: true });
} else {
  start();
}

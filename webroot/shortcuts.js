// Keyboard shortcuts on every page, listed in a dialog under `?`: `j` and `k` move between a
// lesson's examples, `/` searches (search.js), and a run pane's own keys are listed too. Keys
// typed into a field or an editor are left alone. The choice of example is a pure function, tested
// with `node --test`.

import { isTyping } from "./search.js";

/** What the dialog lists, in order: [keys, what they do]. */
export const SHORTCUTS = [
  [["/"], "Search lessons and code"],
  [["j"], "Next example"],
  [["k"], "Previous example"],
  [["Ctrl", "Enter"], "Run the code (in a code pane or its editor)"],
  [["Esc"], "Cancel a run; close search or this list"],
  [["?"], "Show these shortcuts"],
];

/**
 * The example to move to: `tops` are the examples' top edges in page coordinates, in order, and
 * `at` the line where an example scrolled to lands (below the window's top by the scroll padding
 * and margin). Next is the first that
 * starts below it; previous is the last that starts above it. -1 when there is none.
 */
export function targetExample(tops, at, direction) {
  const slack = 2; // an example scrolled to sits at `at`, give or take rounding
  if (direction > 0) return tops.findIndex((top) => top > at + slack);
  for (let i = tops.length - 1; i >= 0; i--) if (tops[i] < at - slack) return i;
  return -1;
}

/** The shortcut a key press means, or null: only bare keys, and never while typing. */
export function shortcut(event) {
  if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return null;
  if (isTyping(event.target)) return null;
  if (event.key === "j") return "next";
  if (event.key === "k") return "previous";
  if (event.key === "?") return "help";
  return null;
}

export function initShortcuts(doc = document) {
  const win = doc.defaultView;
  let dialog = null;

  const go = (direction) => {
    const examples = Array.from(doc.querySelectorAll("section.example[id]"));
    if (examples.length === 0) return;
    // Where an example lands when scrolled to: below the window's top by the page's scroll
    // padding and the example's scroll margin.
    const padding = parseFloat(win.getComputedStyle(doc.documentElement).scrollPaddingTop) || 0;
    const margin = parseFloat(win.getComputedStyle(examples[0]).scrollMarginTop) || 0;
    const at = win.scrollY + padding + margin;
    const tops = examples.map((el) => el.getBoundingClientRect().top + win.scrollY);
    const i = targetExample(tops, at, direction);
    if (i < 0) return;
    const target = examples[i];
    // At once, not smoothly: a second press must start from where the first one landed.
    target.scrollIntoView({ block: "start", behavior: "instant" });
    // The heading takes focus, so a screen reader says where the reader landed, and Tab goes on
    // from there.
    const heading = target.querySelector(".example-title");
    if (heading) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    }
    if (win.history && target.id) win.history.replaceState(null, "", `#${target.id}`);
  };

  const help = () => {
    if (!dialog) dialog = buildDialog(doc);
    if (!dialog.open) dialog.showModal();
  };

  doc.addEventListener("keydown", (event) => {
    const what = shortcut(event);
    if (!what) return;
    event.preventDefault();
    if (what === "next") go(1);
    else if (what === "previous") go(-1);
    else help();
  });
}

function buildDialog(doc) {
  const dialog = doc.createElement("dialog");
  dialog.className = "shortcuts-dialog";
  dialog.setAttribute("aria-labelledby", "shortcuts-title");
  const title = doc.createElement("h2");
  title.id = "shortcuts-title";
  title.textContent = "Keyboard shortcuts";
  const list = doc.createElement("dl");
  for (const [keys, what] of SHORTCUTS) {
    const dt = doc.createElement("dt");
    keys.forEach((key, i) => {
      if (i > 0) dt.append(" + ");
      const kbd = doc.createElement("kbd");
      kbd.textContent = key;
      dt.append(kbd);
    });
    const dd = doc.createElement("dd");
    dd.textContent = what;
    list.append(dt, dd);
  }
  const form = doc.createElement("form");
  form.method = "dialog";
  const close = doc.createElement("button");
  close.type = "submit";
  close.className = "shortcuts-close";
  close.textContent = "Close";
  form.append(close);
  dialog.append(title, list, form);
  // A click on the backdrop (outside the dialog's box) closes it too.
  dialog.addEventListener("click", (event) => {
    if (event.target === dialog) dialog.close();
  });
  doc.body.append(dialog);
  return dialog;
}

// Marks lines of a pane's code while scrubbing: where each waiting task waits at that moment. In
// the highlighted <pre>, a label is placed beside the line (its position taken from the text
// itself, so it holds with wrapped lines); in the editor, the line is tinted.

const MARK = "code-mark";

/**
 * @param {{pre: HTMLElement, editor: {cm: object}|null}} variant the pane's variant that ran
 * @param {{lane: string, line: number}[]} marks from scrub.js waitingLines
 */
export function markLines(variant, marks) {
  clearMarks(variant);
  if (!marks.length) return;
  if (variant.editor?.cm) {
    const cm = variant.editor.cm;
    variant.cmMarks = marks.map((m) => cm.addLineClass(m.line - 1, "background", "cm-waits-here"));
    return;
  }
  const pre = variant.pre;
  const code = pre.querySelector("code") || pre;
  const box = pre.getBoundingClientRect();
  const byLine = new Map();
  for (const m of marks) byLine.set(m.line, [...(byLine.get(m.line) || []), m.lane]);
  for (const [line, lanes] of byLine) {
    const top = lineTop(code, line);
    if (top === null) continue;
    const label = document.createElement("span");
    label.className = MARK;
    label.setAttribute("aria-hidden", "true"); // the timeline's detail line says it in words
    label.textContent = `◀ ${lanes.join(", ")} waits here`;
    label.style.top = `${top - box.top + pre.scrollTop}px`;
    pre.appendChild(label);
  }
}

export function clearMarks(variant) {
  for (const node of variant.pre?.querySelectorAll(`.${MARK}`) || []) node.remove();
  for (const handle of variant.cmMarks || []) variant.editor?.cm?.removeLineClass(handle, "background", "cm-waits-here");
  variant.cmMarks = [];
}

/** The viewport top of line `line` (1-based) of the text in `root`, or null if there is none. */
function lineTop(root, line) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let seen = 1;
  if (line === 1) return firstRect(root);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue;
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) {
      seen += 1;
      if (seen === line) {
        const range = document.createRange();
        // The line begins just after this newline: measure the newline's own box, a line up.
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rects = range.getClientRects();
        const last = rects[rects.length - 1];
        return last ? last.bottom : null;
      }
    }
  }
  return null;
}

function firstRect(root) {
  const range = document.createRange();
  range.selectNodeContents(root);
  const rect = range.getClientRects()[0];
  return rect ? rect.top : null;
}

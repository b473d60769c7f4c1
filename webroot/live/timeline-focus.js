// The timeline from the keyboard and the pointer. The drawing is one tab stop; arrow keys then
// move through its segments (Left/Right along a lane, Up/Down between lanes, Home/End), and a
// line under it says what the chosen segment was and how long it lasted, as hovering one does.
// With the scrubber, the same line tells every lane's state at that moment.

import { seconds } from "./scale.js";
import { describe, move, stateAt } from "./segments.js";

let ids = 0;

export class TimelineFocus {
  /**
   * @param {HTMLElement} host the element the SVG is drawn in; it becomes focusable
   * @param {HTMLElement} detail where the words go; read out politely
   * @param {() => void} redraw draws the timeline again, with the new selection
   */
  constructor(host, detail, redraw) {
    this.host = host;
    this.detail = detail;
    this.redraw = redraw;
    this.rows = [];
    this.selected = null;
    detail.id ||= `tl-detail-${++ids}`;
    host.tabIndex = 0;
    host.setAttribute("role", "group");
    host.setAttribute("aria-roledescription", "timeline");
    host.setAttribute("aria-label", "Timeline. Arrow keys move between segments.");
    host.setAttribute("aria-describedby", detail.id);
    host.addEventListener("keydown", (e) => this.key(e));
    host.addEventListener("focus", () => {
      if (!this.selected) this.say("Arrow keys move between the segments of each lane.");
    });
    host.addEventListener("pointerover", (e) => this.hover(e));
  }

  /** Remembers what draw() returned: the lanes and their segments, as now drawn. */
  drawn(rows) {
    this.rows = rows;
  }

  key(event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const next = move(
      this.rows.map((r) => r.segments),
      this.selected,
      event.key,
    );
    if (!next) return;
    event.preventDefault();
    this.selected = next;
    this.redraw();
    const row = this.rows[next.lane];
    if (row) this.say(describe(row.name, row.segments[next.index]));
  }

  hover(event) {
    const seg = event.target.closest?.(".tl-seg");
    if (!seg) return;
    const row = this.rows[Number(seg.dataset.laneIndex)];
    const segment = row?.segments[Number(seg.dataset.index)];
    if (segment) this.say(describe(row.name, segment));
  }

  /**
   * Every lane's state at the scrubber's moment, and the line a waiting one waits at where known:
   * "At 0.500 s: main waiting at line 7; wait 1 running."
   * @param {number|null} t
   * @param {{lane: string, line: number}[]} [lines] from scrub.js waitingLines
   */
  at(t, lines = []) {
    if (t === null || !this.rows.length) return;
    const states = this.rows.map((r) => {
      const where = lines.find((l) => l.lane === r.name);
      return `${r.name} ${stateAt(r.segments, t)}${where ? ` at line ${where.line}` : ""}`;
    });
    this.say(`At ${seconds(t)}: ${states.join("; ")}.`);
  }

  reset() {
    this.selected = null;
    this.say("");
  }

  say(text) {
    this.detail.textContent = text;
    this.detail.hidden = !text;
  }
}

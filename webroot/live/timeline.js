// The live timeline: one lane per task (a thread, or a task named with the Timeline API), bars
// that grow while the task runs, output lines as marks on their lane, and an axis in seconds.
// Times come from the stamps in the events (taken inside the program), never from when frames
// arrived; only the growing end of a running bar uses the page's clock, and never runs behind
// the latest stamp. Plain SVG, redrawn whole: a run has tens of lanes, not thousands.

import { seconds, ticks } from "./scale.js";
import { describe, segments } from "./segments.js";

// The scale is in scale.js, so that it can be tested in Node; these names were always here.
export { niceDomain, seconds } from "./scale.js";

const SVG = "http://www.w3.org/2000/svg";
const MAX_LANES = 40;
const MAX_MARKS_PER_LANE = 300;
const MAX_SEGMENTS_PER_LANE = 2000;
const LANE = 24;
const BAR = 14;
const AXIS = 26;

/** Everything one run tells the timeline. */
export class Recording {
  constructor(label = "") {
    this.label = label;
    this.lanes = new Map(); // name -> {name, thread, spans: [{start, end}], marks: [...]}
    this.latest = 0;
    this.total = null;
    this.startedAt = null;
    this.hiddenLanes = 0;
    this.states = false; // whether lanes report running and waiting
  }

  lane(name, thread) {
    let lane = this.lanes.get(name);
    if (!lane) {
      if (this.lanes.size >= MAX_LANES) {
        this.hiddenLanes += 1;
        return null;
      }
      lane = { name, thread, spans: [], marks: [], running: [], at: [] };
      this.lanes.set(name, lane);
    }
    return lane;
  }

  started() {
    this.startedAt = performance.now();
  }

  seen(t) {
    if (typeof t === "number" && t > this.latest) this.latest = t;
  }

  spanStart(e) {
    const lane = this.lane(e.name || e.thread || "task", e.thread);
    if (lane) lane.spans.push({ start: e.start, end: null });
    this.seen(e.start);
  }

  spanEnd(e) {
    const lane = this.lane(e.name || e.thread || "task", e.thread);
    if (lane) {
      const open = lane.spans.find((s) => s.end === null && Math.abs(s.start - e.start) < 0.001);
      if (open) open.end = e.end;
      else lane.spans.push({ start: e.start, end: e.end });
    }
    this.seen(e.end);
  }

  /**
   * A stretch of time a lane ran code (every runnable language says so): the rest of its span it
   * was waiting. Once a run reports one, every lane of it is drawn as waiting where not running.
   */
  running(e) {
    this.states = true;
    const lane = this.onThread(e.thread) || this.lane(e.thread || "?", e.thread);
    if (lane && lane.running.length < MAX_SEGMENTS_PER_LANE) lane.running.push({ start: e.start, end: e.end });
    this.seen(e.end);
  }

  /** From `t` the lane waited at `line` of the code (Java runs say so): where the scrubber marks it. */
  at(e) {
    const lane = this.onThread(e.thread);
    if (lane && lane.at.length < MAX_SEGMENTS_PER_LANE) lane.at.push({ t: e.t, line: e.line });
  }

  /** The newest lane on `thread`: states and lines are reported by thread. */
  onThread(thread) {
    let lane = null;
    for (const candidate of this.lanes.values()) if (candidate.thread === thread) lane = candidate;
    return lane;
  }

  /** How long a lane ran code, in ms, and how long it existed: for summaries and tests. */
  busy(name) {
    const lane = this.lanes.get(name);
    if (!lane) return null;
    const ran = lane.running.reduce((sum, r) => sum + (r.end - r.start), 0);
    const lived = lane.spans.reduce((sum, s) => sum + ((s.end ?? this.now()) - s.start), 0);
    return { ran, lived };
  }

  /** An output line goes on the lane of the task that was running on its thread at that time. */
  output(e) {
    this.seen(e.t);
    let target = null;
    for (const lane of this.lanes.values()) {
      if (lane.thread !== e.thread) continue;
      const covering = lane.spans.some((s) => s.start <= e.t + 1 && (s.end === null || e.t <= s.end + 1));
      if (covering && (!target || lane.name !== lane.thread)) target = lane;
    }
    if (!target) target = this.lane(e.thread || "?", e.thread);
    if (target && target.marks.length < MAX_MARKS_PER_LANE) {
      target.marks.push({ t: e.t, stream: e.type, text: e.text });
    }
  }

  finish(totalMs) {
    this.total = typeof totalMs === "number" && totalMs >= 0 ? totalMs : this.now();
    for (const lane of this.lanes.values()) {
      for (const span of lane.spans) if (span.end === null) span.end = Math.max(span.start, this.total);
    }
  }

  /** Milliseconds since the program started, as far as the page can tell. */
  now() {
    if (this.total !== null) return this.total;
    if (this.startedAt === null) return this.latest;
    return Math.max(this.latest, performance.now() - this.startedAt);
  }

  /** The bars: spans of every lane, for tests and summaries. */
  spanCount() {
    let n = 0;
    for (const lane of this.lanes.values()) n += lane.spans.length;
    return n;
  }
}

function el(name, attributes = {}, parent = null) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (parent) parent.appendChild(node);
  return node;
}

/**
 * Draws one recording into an <svg> (created on first use) inside host.
 * @param {HTMLElement} host
 * @param {Recording} recording
 * @param {number} domain the time, in ms, at the right end of the axis (shared when comparing)
 * @param {{cursor?: number|null, selected?: {lane: number, index: number}|null}} [view] the
 *   scrubber's position, drawn as a line, and the segment chosen from the keyboard, outlined
 * @returns {{name: string, segments: {state: string, start: number, end: number}[]}[]} each lane's
 *   segments as drawn, in lane order: what the keyboard moves through
 */
export function draw(host, recording, domain, view = {}) {
  const cursor = typeof view.cursor === "number" ? view.cursor : null;
  const selected = view.selected || null;
  const rows = [];
  const width = Math.max(host.clientWidth || 0, 260);
  const narrow = width < 480;
  const left = narrow ? 84 : 132;
  const right = 14;
  const lanes = Array.from(recording.lanes.values());
  const laneRows = Math.max(lanes.length, 1) + (recording.hiddenLanes ? 1 : 0);
  const height = laneRows * LANE + AXIS + 6;
  const x = (ms) => left + (Math.max(0, Math.min(ms, domain)) / domain) * (width - left - right);
  const now = recording.now();

  const svg = el("svg", {
    class: "timeline-svg",
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: "img",
  });
  const tasks = lanes.filter((l) => l.spans.length && l.name !== "main").length;
  svg.setAttribute(
    "aria-label",
    `Timeline: ${tasks} task${tasks === 1 ? "" : "s"} over ${seconds(now, 2)}`,
  );

  // Axis: grid lines and labels in seconds.
  const axisY = laneRows * LANE + 4;
  for (const { t, label } of ticks(domain, Math.floor((width - left - right) / 72))) {
    el("line", { class: "tl-grid", x1: x(t), x2: x(t), y1: 0, y2: axisY }, svg);
    const text = el("text", { class: "tl-tick", x: x(t), y: axisY + 16, "text-anchor": "middle" }, svg);
    text.textContent = label;
  }
  el("line", { class: "tl-axis", x1: left, x2: width - right, y1: axisY, y2: axisY }, svg);

  lanes.forEach((lane, i) => {
    const top = i * LANE;
    const g = el("g", { class: "tl-lane", "data-lane": lane.name }, svg);
    el("rect", { class: "tl-row", x: 0, y: top, width, height: LANE }, g);
    const name = el("text", { class: "tl-name", x: left - 8, y: top + LANE / 2 + 4, "text-anchor": "end" }, g);
    name.textContent = truncate(lane.name, narrow ? 10 : 18);
    const full = el("title", {}, name);
    full.textContent = lane.name;

    // The main thread is the program itself, drawn as a thin line under its output; the bars are
    // the tasks it started. Where the run reports states, main's waits are drawn like any lane's.
    const main = lane.thread === "main" && lane.name === "main";
    const states = recording.states;
    const barHeight = main && !states ? 4 : BAR;
    for (const span of lane.spans) {
      const end = span.end === null ? Math.max(now, span.start) : span.end;
      // Where lanes report their states, a span is the time the task existed, drawn as waiting;
      // the stretches it ran are drawn over it, solid.
      const kind = main ? (states ? "tl-main has-states" : "tl-main") : states ? "tl-bar is-waiting" : "tl-bar";
      const bar = el(
        "rect",
        {
          class: span.end === null ? `${kind} is-live` : kind,
          x: x(span.start),
          y: top + (LANE - barHeight) / 2,
          width: Math.max(x(end) - x(span.start), 2),
          height: barHeight,
          rx: 3,
        },
        g,
      );
      const tip = el("title", {}, bar);
      tip.textContent =
        `${lane.name}\nthread: ${lane.thread || "?"}\nstart: ${seconds(span.start)}` +
        `\nend: ${span.end === null ? "still running" : seconds(end)}` +
        `\nduration: ${seconds(end - span.start)}`;
    }
    // Segments, over the bars: solid where the lane ran, clear where it waited. Each tells what
    // it was on hover, and the keyboard moves through them (runpane.js).
    const laneSegments = segments(lane, now, states);
    rows.push({ name: lane.name, segments: laneSegments });
    laneSegments.forEach((segment, index) => {
      if (!states && !(selected && selected.lane === i)) return; // the bar alone says it all
      const chosen = selected && selected.lane === i && selected.index === index;
      const classes = ["tl-seg", `is-${segment.state}`];
      if (segment.state === "running") classes.push("tl-run");
      if (chosen) classes.push("is-selected");
      if (cursor !== null && segment.start <= cursor && cursor < segment.end) classes.push("is-now");
      const seg = el(
        "rect",
        {
          class: classes.join(" "),
          x: x(segment.start),
          y: top + (LANE - BAR) / 2,
          width: Math.max(x(segment.end) - x(segment.start), 1),
          height: BAR,
          "data-lane-index": i,
          "data-index": index,
        },
        g,
      );
      const tip = el("title", {}, seg);
      tip.textContent = describe(lane.name, segment);
    });
    for (const mark of lane.marks) {
      const tick = el(
        "rect",
        {
          class: mark.stream === "stderr" ? "tl-mark is-stderr" : "tl-mark",
          x: x(mark.t) - 1,
          y: top + 3,
          width: 2,
          height: LANE - 6,
        },
        g,
      );
      const tip = el("title", {}, tick);
      tip.textContent = `${seconds(mark.t)} ${mark.stream}: ${mark.text}`;
    }
  });
  if (recording.hiddenLanes) {
    const more = el(
      "text",
      { class: "tl-name", x: left - 8, y: lanes.length * LANE + LANE / 2 + 4, "text-anchor": "end" },
      svg,
    );
    more.textContent = `+${recording.hiddenLanes} more`;
  }
  if (recording.total === null && recording.startedAt !== null) {
    el("line", { class: "tl-now", x1: x(now), x2: x(now), y1: 0, y2: axisY }, svg);
  }
  if (cursor !== null) {
    el("line", { class: "tl-cursor", x1: x(cursor), x2: x(cursor), y1: 0, y2: axisY }, svg);
  }

  const old = host.querySelector("svg.timeline-svg");
  if (old) old.replaceWith(svg);
  else host.appendChild(svg);
  return rows;
}

function truncate(text, max) {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

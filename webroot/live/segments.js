// A lane's life cut into what it was doing: running (holding a thread, or its event loop) and
// waiting (sleeping, parked, awaiting I/O or a timer). Also the keyboard's way through them and the
// words that describe one. Pure, with no DOM, so that it can be tested in Node.

import { seconds } from "./scale.js";

/**
 * The lane's segments, in time order. Where the run reports states, each span is split into
 * running and waiting stretches; else each span is one stretch of state "alive".
 * @param {{spans: {start: number, end: number|null}[], running: {start: number, end: number}[]}} lane
 * @param {number} now where a span that has not ended stops for now
 * @param {boolean} states whether the run reports running stretches at all
 * @returns {{state: "running"|"waiting"|"alive", start: number, end: number}[]}
 */
export function segments(lane, now, states) {
  const out = [];
  const runs = merged(lane.running);
  for (const span of lane.spans) {
    const end = span.end === null ? Math.max(now, span.start) : span.end;
    if (!states) {
      out.push({ state: "alive", start: span.start, end });
      continue;
    }
    let at = span.start;
    for (const run of runs) {
      if (run.end <= at || run.start >= end) continue;
      const from = Math.max(run.start, at);
      if (from > at) out.push({ state: "waiting", start: at, end: from });
      const to = Math.min(run.end, end);
      out.push({ state: "running", start: from, end: to });
      at = to;
    }
    if (end > at) out.push({ state: "waiting", start: at, end });
  }
  return out;
}

/** Running stretches sorted by start, overlapping or touching ones joined. */
function merged(running) {
  const sorted = running.filter((r) => r.end >= r.start).sort((a, b) => a.start - b.start);
  const out = [];
  for (const r of sorted) {
    const last = out.at(-1);
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ start: r.start, end: r.end });
  }
  return out;
}

/** What a lane was doing at `t`: its segment's state, or "not started" / "done". */
export function stateAt(laneSegments, t) {
  if (!laneSegments.length || t < laneSegments[0].start) return "not started";
  for (const s of laneSegments) if (s.start <= t && t < s.end) return s.state;
  const last = laneSegments.at(-1);
  return t >= last.end ? "done" : "waiting";
}

/** One segment in words: "wait 2: waiting from 0.012 s to 1.013 s, for 1.001 s". */
export function describe(name, segment) {
  const what = segment.state === "alive" ? "alive" : segment.state;
  return `${name}: ${what} from ${seconds(segment.start)} to ${seconds(segment.end)}, for ${seconds(segment.end - segment.start)}`;
}

/**
 * Where a key moves the selection among the lanes' segments: Left and Right go along a lane,
 * Up and Down to the nearest segment in time on the next lane, Home and End to a lane's first
 * and last. Returns null for a key that does not move it.
 * @param {{start: number, end: number}[][]} rows each lane's segments
 * @param {{lane: number, index: number}|null} at the selection now, or null for none yet
 * @param {string} key a KeyboardEvent.key
 */
export function move(rows, at, key) {
  const lanes = rows.map((row, lane) => ({ row, lane })).filter(({ row }) => row.length);
  if (!lanes.length) return null;
  if (!at || !rows[at.lane]?.[at.index]) {
    return ["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End"].includes(key)
      ? { lane: lanes[0].lane, index: 0 }
      : null;
  }
  const row = rows[at.lane];
  switch (key) {
    case "ArrowLeft":
      return { lane: at.lane, index: Math.max(0, at.index - 1) };
    case "ArrowRight":
      return { lane: at.lane, index: Math.min(row.length - 1, at.index + 1) };
    case "Home":
      return { lane: at.lane, index: 0 };
    case "End":
      return { lane: at.lane, index: row.length - 1 };
    case "ArrowUp":
    case "ArrowDown": {
      const k = lanes.findIndex((l) => l.lane === at.lane);
      const next = lanes[key === "ArrowUp" ? Math.max(0, k - 1) : Math.min(lanes.length - 1, k + 1)];
      const mid = (row[at.index].start + row[at.index].end) / 2;
      return { lane: next.lane, index: nearest(next.row, mid) };
    }
    default:
      return null;
  }
}

function nearest(row, t) {
  let best = 0;
  let gap = Infinity;
  row.forEach((s, i) => {
    const d = t < s.start ? s.start - t : t > s.end ? t - s.end : 0;
    if (d < gap) {
      gap = d;
      best = i;
    }
  });
  return best;
}

// The scrubber's arithmetic: the moments a run's events happened, stepping between them, and
// where playback stands after some time at a given speed. Pure, so that it can be tested in Node;
// runpane.js draws the control and applies a position to the console and the timeline.

/** Playback speeds the scrubber offers, as multiples of real time. */
export const SPEEDS = Object.freeze([0.25, 1, 4]);

/**
 * Every moment something happened in a recording, ascending and without repeats: span starts and
 * ends, running stretches' edges, output lines, and 0 and the total.
 * @param {{lanes: Map<string, {spans: {start:number,end:number|null}[], running: {start:number,end:number}[],
 *   marks: {t:number}[]}>, total: number|null}} recording
 */
export function moments(recording) {
  const total = recording.total ?? 0;
  const times = new Set([0, total]);
  for (const lane of recording.lanes.values()) {
    for (const s of lane.spans) {
      times.add(s.start);
      if (s.end !== null) times.add(s.end);
    }
    for (const r of lane.running) {
      times.add(r.start);
      times.add(r.end);
    }
    for (const m of lane.marks) times.add(m.t);
  }
  return Array.from(times)
    .filter((t) => Number.isFinite(t) && t >= 0 && t <= total)
    .sort((a, b) => a - b);
}

/** The next moment after `t` (direction 1) or the last before it (-1); `t` itself at either end. */
export function step(times, t, direction) {
  if (direction > 0) return times.find((m) => m > t + 1e-9) ?? t;
  for (let i = times.length - 1; i >= 0; i--) if (times[i] < t - 1e-9) return times[i];
  return t;
}

/** Where playback is after `elapsedMs` of real time at `speed`, from `t`, stopping at `total`. */
export function advance(t, elapsedMs, speed, total) {
  return Math.min(total, t + elapsedMs * speed);
}

/**
 * Where each waiting lane waits at `t`: its latest reported line, if it is waiting then and the
 * line is one of the reader's (lines of hidden code come as 0 or less).
 * @param {{name: string, segments: {state: string, start: number, end: number}[]}[]} rows as drawn
 * @param {Map<string, {at?: {t: number, line: number}[]}>} lanes the recording's lanes, by name
 * @param {number} t
 * @param {number} lineCount lines in the code shown
 * @returns {{lane: string, line: number}[]}
 */
export function waitingLines(rows, lanes, t, lineCount) {
  const out = [];
  for (const row of rows) {
    const now = row.segments.find((s) => s.start <= t && t < s.end);
    if (!now || now.state !== "waiting") continue;
    let line = 0;
    for (const a of lanes.get(row.name)?.at || []) if (a.t <= t + 1e-9 && a.t >= now.start - 1) line = a.line;
    if (line >= 1 && line <= lineCount) out.push({ lane: row.name, line });
  }
  return out;
}

/** "0.500 s of 1.012 s". */
export function position(t, total) {
  return `${(t / 1000).toFixed(3)} s of ${(total / 1000).toFixed(3)} s`;
}

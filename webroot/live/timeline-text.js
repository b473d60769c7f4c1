// The timeline in words: what a screen reader reads instead of the drawing. One row per bar (a
// task's span: its lane, thread, start, end and duration, and how much of it the task was running
// rather than waiting, where the run reports that) and a caption with the number of tasks
// and the total. Pure, with no DOM, so that it can be tested in Node; runpane.js puts it in a
// visually hidden table beside the SVG once a run has ended.

import { seconds } from "./scale.js";
import { segments } from "./segments.js";

export const COLUMNS = Object.freeze(["Task", "Thread", "Start", "End", "Duration", "Running"]);

/**
 * The text alternative of one run's timeline.
 * @param {{lanes: Map<string, {name: string, thread?: string,
 *   spans: {start: number, end: number|null}[]}>, total: number|null, hiddenLanes?: number}} recording
 *   a Recording from timeline.js, or anything shaped like one
 * @param {string} [label] the variant's name when comparing, as in "Concurrent": "Timeline of
 *   Concurrent: 3 tasks, total 1.03 s."
 * @returns {{caption: string, columns: readonly string[], rows: string[][], note: string}}
 *   rows as the table shows them, one array of cells (in COLUMNS' order) per span, by start time
 */
export function timelineText(recording, label = "") {
  const lanes = Array.from(recording.lanes.values());
  const title = label ? `Timeline of ${label}` : "Timeline";
  const rows = lanes
    .flatMap((lane) => lane.spans.map((span) => ({ lane, span })))
    .sort((a, b) => a.span.start - b.span.start)
    .map(({ lane, span }) => {
      const ended = typeof span.end === "number";
      const ran = recording.states
        ? segments({ spans: [span], running: lane.running || [] }, recording.total ?? span.start, true)
            .filter((s) => s.state === "running")
            .reduce((sum, s) => sum + (s.end - s.start), 0)
        : null;
      return [
        lane.name === "main" && lane.thread === "main" ? "main (the program)" : lane.name,
        lane.thread || "unknown",
        seconds(span.start),
        ended ? seconds(span.end) : "still running",
        ended ? seconds(span.end - span.start) : "still running",
        ran === null ? "not reported" : seconds(ran),
      ];
    });
  // As the drawing counts them: the program's own main lane is not one of its tasks.
  const tasks = lanes.filter((l) => l.spans.length > 0 && l.name !== "main").length;
  const hidden = recording.hiddenLanes || 0;
  const note = hidden > 0 ? `${hidden} more task${hidden === 1 ? "" : "s"} not shown.` : "";
  let caption;
  if (recording.total === null || recording.total === undefined) {
    caption = `${title}: the program did not run.`;
  } else {
    caption =
      `${title}: ${tasks} task${tasks === 1 ? "" : "s"}, ` +
      `total ${seconds(recording.total, 2)}.`;
  }
  return { caption, columns: COLUMNS, rows, note };
}

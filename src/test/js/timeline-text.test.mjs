// The timeline's text alternative (webroot/live/timeline-text.js): what a screen reader reads in
// place of the drawing. Run with: node --test src/test/js/

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { COLUMNS, timelineText } from "../../../webroot/live/timeline-text.js";
import { Recording } from "../../../webroot/live/timeline.js";

const spanStart = (name, thread, start) => ({ type: "span-start", name, thread, start });
const spanEnd = (name, thread, start, end) => ({ type: "span-end", name, thread, start, end });

/** The three-waits example, concurrent: main, and three virtual threads that wait a second. */
function threeWaits() {
  const r = new Recording("Concurrent");
  r.spanStart(spanStart("main", "main", 0));
  for (const [i, start] of [[24, 7.89], [26, 12.93], [29, 12.93]]) r.spanStart(spanStart(`virtual-${i}`, `virtual-${i}`, start));
  for (const [i, start] of [[24, 7.89], [26, 12.93], [29, 12.93]]) r.spanEnd(spanEnd(`virtual-${i}`, `virtual-${i}`, start, 1012.38));
  r.spanEnd(spanEnd("main", "main", 0, 1019.87));
  r.finish(1025.89);
  return r;
}

describe("timelineText", () => {
  test("one row per bar: task, thread, start, end and duration, in seconds", () => {
    const text = timelineText(threeWaits());
    assert.deepEqual(text.columns, ["Task", "Thread", "Start", "End", "Duration", "Running"]);
    assert.equal(text.columns, COLUMNS);
    assert.deepEqual(text.rows, [
      ["main (the program)", "main", "0.000 s", "1.020 s", "1.020 s", "not reported"],
      ["virtual-24", "virtual-24", "0.008 s", "1.012 s", "1.004 s", "not reported"],
      ["virtual-26", "virtual-26", "0.013 s", "1.012 s", "0.999 s", "not reported"],
      ["virtual-29", "virtual-29", "0.013 s", "1.012 s", "0.999 s", "not reported"],
    ]);
    assert.equal(text.note, "");
  });

  test("where lanes report states, each row says how long its task was running", () => {
    const r = threeWaits();
    r.running({ type: "running", thread: "main", start: 0, end: 4 });
    r.running({ type: "running", thread: "main", start: 1013, end: 1014 });
    r.running({ type: "running", thread: "virtual-24", start: 1011, end: 1012.38 });
    const rows = timelineText(r).rows;
    assert.equal(rows[0][5], "0.005 s");
    assert.equal(rows[1][5], "0.001 s");
    assert.equal(rows[2][5], "0.000 s");
  });

  test("the caption counts the tasks (not main) and gives the total", () => {
    assert.equal(timelineText(threeWaits()).caption, "Timeline: 3 tasks, total 1.03 s.");
    assert.equal(timelineText(threeWaits(), "Concurrent").caption, "Timeline of Concurrent: 3 tasks, total 1.03 s.");
    const one = new Recording();
    one.spanEnd(spanEnd("fetch", "pool-1", 0, 250));
    one.finish(300);
    assert.equal(timelineText(one).caption, "Timeline: 1 task, total 0.30 s.");
  });

  test("rows go by start time, whichever lane they are on", () => {
    const r = new Recording();
    r.spanEnd(spanEnd("late", "t1", 50, 60));
    r.spanEnd(spanEnd("early", "t2", 10, 20));
    r.spanEnd(spanEnd("late", "t1", 5, 8));
    r.finish(70);
    assert.deepEqual(
      timelineText(r).rows.map((row) => [row[0], row[2]]),
      [["late", "0.005 s"], ["early", "0.010 s"], ["late", "0.050 s"]],
    );
  });

  test("a bar still open says so; a missing thread reads as unknown", () => {
    const r = new Recording();
    r.spanStart({ type: "span-start", name: "spin", start: 1 });
    assert.deepEqual(timelineText(r).rows, [["spin", "unknown", "0.001 s", "still running", "still running", "not reported"]]);
  });

  test("a run that never started has no rows and says so", () => {
    const text = timelineText(new Recording("Sequential"), "Sequential");
    assert.deepEqual(text.rows, []);
    assert.equal(text.caption, "Timeline of Sequential: the program did not run.");
  });

  test("lanes past the drawing's limit are counted in a note", () => {
    const r = new Recording();
    for (let i = 0; i < 42; i++) r.spanStart(spanStart(`task ${i}`, `t${i}`, i));
    r.finish(100);
    const text = timelineText(r);
    assert.equal(text.rows.length, 40);
    assert.equal(text.note, "2 more tasks not shown.");
    assert.match(text.caption, /40 tasks/);
  });

  test("works on a plain object shaped like a Recording", () => {
    const lanes = new Map([["a", { name: "a", thread: "a", spans: [{ start: 0, end: 1000 }] }]]);
    assert.equal(timelineText({ lanes, total: 1000 }).caption, "Timeline: 1 task, total 1.00 s.");
  });
});

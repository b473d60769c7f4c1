// What the timeline keeps of a run (the Recording in webroot/live/timeline.js), without drawing it:
// the module must load in Node, with no document, for that. Run with: node --test src/test/js/

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import * as scale from "../../../webroot/live/scale.js";
import { Recording, niceDomain, seconds } from "../../../webroot/live/timeline.js";

const out = (t, text, thread = "main", type = "stdout") => ({ type, text, t, thread });
const spanStart = (name, thread, start) => ({ type: "span-start", name, thread, start });
const spanEnd = (name, thread, start, end) => ({ type: "span-end", name, thread, start, end });

describe("timeline.js in Node", () => {
  test("loads without a document", () => {
    assert.equal(typeof document, "undefined");
    assert.equal(typeof Recording, "function");
  });

  test("still exports the scale it always did", () => {
    assert.equal(niceDomain, scale.niceDomain);
    assert.equal(seconds, scale.seconds);
  });
});

describe("Recording", () => {
  test("a task's bar: opened by span-start, closed by the matching span-end", () => {
    const r = new Recording("Concurrent");
    r.spanStart(spanStart("wait 1", "v1", 2));
    assert.deepEqual(r.lanes.get("wait 1").spans, [{ start: 2, end: null }]);
    r.spanEnd(spanEnd("wait 1", "v1", 2, 1002));
    assert.deepEqual(r.lanes.get("wait 1").spans, [{ start: 2, end: 1002 }]);
    assert.equal(r.spanCount(), 1);
    assert.equal(r.latest, 1002);
    assert.equal(r.label, "Concurrent");
  });

  test("a span-end without its start is a whole bar", () => {
    const r = new Recording();
    r.spanEnd(spanEnd("task", "t", 5, 50));
    assert.deepEqual(r.lanes.get("task").spans, [{ start: 5, end: 50 }]);
  });

  test("an unnamed span takes its thread's name, or 'task'", () => {
    const r = new Recording();
    r.spanStart({ type: "span-start", thread: "pool-1", start: 0 });
    r.spanStart({ type: "span-start", start: 0 });
    assert.deepEqual([...r.lanes.keys()], ["pool-1", "task"]);
  });

  test("output goes on the lane of the task running on its thread then", () => {
    const r = new Recording();
    r.spanStart(spanStart("main", "main", 0));
    r.spanStart(spanStart("download", "v1", 10));
    r.output(out(20, "got it", "v1"));
    r.output(out(30, "hello", "main"));
    r.output(out(40, "no task", "v9", "stderr"));
    assert.deepEqual(r.lanes.get("download").marks, [{ t: 20, stream: "stdout", text: "got it" }]);
    assert.deepEqual(r.lanes.get("main").marks, [{ t: 30, stream: "stdout", text: "hello" }]);
    assert.deepEqual(r.lanes.get("v9").marks, [{ t: 40, stream: "stderr", text: "no task" }]);
    assert.equal(r.latest, 40);
  });

  test("a named task wins over its thread's own lane", () => {
    const r = new Recording();
    r.spanStart(spanStart("v1", "v1", 0));
    r.spanStart(spanStart("parse", "v1", 5));
    r.output(out(6, "parsing", "v1"));
    assert.equal(r.lanes.get("parse").marks.length, 1);
    assert.equal(r.lanes.get("v1").marks.length, 0);
  });

  test("running stretches go on their lane, and the rest of its life is waiting", () => {
    const r = new Recording();
    r.spanStart({ type: "span-start", name: "wait", thread: "wait", start: 1 });
    r.running({ type: "running", thread: "wait", start: 1, end: 1.5 });
    r.running({ type: "running", thread: "wait", start: 1001, end: 1002 });
    r.spanEnd(spanEnd("wait", "wait", 1, 1002));
    assert.equal(r.states, true);
    assert.deepEqual(r.busy("wait"), { ran: 1.5, lived: 1001 });
    assert.equal(r.busy("nobody"), null);
  });

  test("a running stretch of a lane not seen yet opens that lane", () => {
    const r = new Recording();
    r.running({ type: "running", thread: "main", start: 0, end: 3 });
    assert.deepEqual([...r.lanes.keys()], ["main"]);
    assert.equal(r.latest, 3);
  });

  test("without running events, lanes have no states", () => {
    const r = new Recording();
    r.spanStart({ type: "span-start", name: "t", thread: "t", start: 0 });
    assert.equal(r.states, false);
  });

  test("at most 40 lanes; the rest are counted", () => {
    const r = new Recording();
    for (let i = 0; i < 45; i++) r.spanStart(spanStart(`task ${i}`, `t${i}`, i));
    assert.equal(r.lanes.size, 40);
    assert.equal(r.hiddenLanes, 5);
  });

  test("at most 300 marks a lane", () => {
    const r = new Recording();
    for (let i = 0; i < 310; i++) r.output(out(i, `line ${i}`));
    assert.equal(r.lanes.get("main").marks.length, 300);
    assert.equal(r.latest, 309);
  });

  test("finish closes every open bar at the total", () => {
    const r = new Recording();
    r.spanStart(spanStart("a", "a", 10));
    r.spanStart(spanStart("b", "b", 900));
    r.finish(500);
    assert.equal(r.total, 500);
    assert.deepEqual(r.lanes.get("a").spans, [{ start: 10, end: 500 }]);
    // A bar that started after the total is not drawn backwards.
    assert.deepEqual(r.lanes.get("b").spans, [{ start: 900, end: 900 }]);
    assert.equal(r.now(), 500);
  });

  test("finish without a total (an error) ends at the latest time seen", () => {
    const r = new Recording();
    r.output(out(75, "x"));
    r.finish(undefined);
    assert.equal(r.total, 75);
    const never = new Recording();
    never.finish(-1);
    assert.equal(never.total, 0);
  });

  test("now: the latest stamp before start, the page's clock after, never behind a stamp", () => {
    const r = new Recording();
    r.output(out(30, "early"));
    assert.equal(r.now(), 30);
    r.started();
    assert.ok(r.now() >= 30);
    r.output(out(1e9, "far ahead"));
    assert.equal(r.now(), 1e9);
  });
});

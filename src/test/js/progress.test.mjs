// Progress kept in the browser (webroot/progress.js): recording runs, reading what was stored,
// and what a lesson card shows.
// Run with: node --test src/test/js/

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  empty,
  hasPassed,
  hasRun,
  isEmpty,
  lessonProgress,
  parse,
  recordChallenge,
  progressLabel,
  recordPrediction,
  recordRun,
} from "../../../webroot/progress.js";

describe("recordRun", () => {
  test("adds an example once, and leaves the old record alone", () => {
    const a = empty();
    const b = recordRun(a, "why-and-model", "three-waits");
    const c = recordRun(b, "why-and-model", "three-waits");
    assert.ok(isEmpty(a));
    assert.equal(c, b, "the same run twice is no change");
    assert.deepEqual(b.lessons, { "why-and-model": { ran: ["three-waits"], predicted: [], passed: [] } });
    assert.ok(hasRun(b, "why-and-model", "three-waits"));
    assert.ok(!hasRun(b, "why-and-model", "cpu-bound"));
  });
});

describe("lessonProgress", () => {
  let s = empty();
  s = recordRun(s, "l", "a");
  s = recordRun(s, "l", "b");
  test("counts examples run out of the lesson's", () => {
    assert.deepEqual(lessonProgress(s, "l", 5), { ran: 2, predicted: 0, passed: 0, total: 5, done: false });
    assert.deepEqual(lessonProgress(s, "l", 2), { ran: 2, predicted: 0, passed: 0, total: 2, done: true });
    assert.deepEqual(lessonProgress(s, "other", 3), { ran: 0, predicted: 0, passed: 0, total: 3, done: false });
  });
  test("examples since removed from the lesson do not count", () => {
    assert.deepEqual(lessonProgress(s, "l", 2, ["a", "c"]), { ran: 1, predicted: 0, passed: 0, total: 2, done: false });
  });
  test("a lesson without examples is never done", () => {
    assert.equal(lessonProgress(s, "l", 0).done, false);
  });
});

describe("parse", () => {
  test("round trip", () => {
    const s = recordRun(recordRun(empty(), "l", "a"), "m", "b");
    assert.deepEqual(parse(JSON.stringify(s)), s);
  });
  test("anything unreadable is an empty record, never an error", () => {
    for (const raw of [null, "", "{", "[]", "42", '{"v":2,"lessons":{}}', '{"v":1,"lessons":null}']) {
      assert.deepEqual(parse(raw), empty(), String(raw));
    }
  });
  test("bad entries are dropped, duplicates merged", () => {
    const raw = JSON.stringify({ v: 1, lessons: { l: { ran: ["a", 3, "a", null] }, m: { ran: "x" }, n: null } });
    assert.deepEqual(parse(raw), { v: 1, lessons: { l: { ran: ["a"], predicted: [], passed: [] } } });
  });
});

describe("predictions", () => {
  test("counted beside runs, once per example, and worded on the card", () => {
    let s = recordRun(empty(), "l", "a");
    s = recordPrediction(s, "l", "a");
    assert.equal(recordPrediction(s, "l", "a"), s);
    const p = lessonProgress(s, "l", 3);
    assert.deepEqual(p, { ran: 1, predicted: 1, passed: 0, total: 3, done: false });
    assert.equal(progressLabel(p), "1 of 3 run · 1 predicted");
    assert.equal(progressLabel(lessonProgress(recordRun(empty(), "l", "a"), "l", 1)), "All 1 run");
    assert.deepEqual(parse(JSON.stringify(s)), s);
  });
});

describe("challenges", () => {
  test("passed once each, kept through parse, and worded on the card", () => {
    let s = recordChallenge(empty(), "l", "ping");
    assert.equal(recordChallenge(s, "l", "ping"), s);
    assert.ok(hasPassed(s, "l", "ping"));
    assert.ok(!hasPassed(s, "l", "other"));
    assert.deepEqual(parse(JSON.stringify(s)), s);
    const p = lessonProgress(s, "l", 4);
    assert.deepEqual(p, { ran: 0, predicted: 0, passed: 1, total: 4, done: false });
    assert.equal(progressLabel(p), "0 of 4 run · challenge passed");
    s = recordChallenge(recordPrediction(recordRun(s, "l", "a"), "l", "a"), "l", "queue");
    assert.equal(progressLabel(lessonProgress(s, "l", 4)), "1 of 4 run · 1 predicted · 2 challenges passed");
  });
});

// A lane cut into running and waiting segments, the keyboard's moves through them, and the
// scrubber's arithmetic (webroot/live/segments.js, webroot/live/scrub.js).
// Run with: node --test src/test/js/

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { describe as say, move, segments, stateAt } from "../../../webroot/live/segments.js";
import { advance, moments, position, step, waitingLines } from "../../../webroot/live/scrub.js";

const sequentialMain = {
  spans: [{ start: 0, end: 3010 }],
  running: [
    { start: 0, end: 2 },
    { start: 1003, end: 1004 },
    { start: 2006, end: 2007 },
    { start: 3008, end: 3010 },
  ],
  marks: [{ t: 1 }, { t: 1003.5 }],
};

describe("segments", () => {
  test("a lane that waits three times in a row", () => {
    const segs = segments(sequentialMain, 5000, true);
    assert.deepEqual(
      segs.filter((s) => s.state === "waiting").map((s) => [s.start, s.end]),
      [
        [2, 1003],
        [1004, 2006],
        [2007, 3008],
      ],
    );
    assert.equal(segs.filter((s) => s.state === "running").length, 4);
    assert.deepEqual(segs.at(-1), { state: "running", start: 3008, end: 3010 });
  });

  test("overlapping and unsorted running stretches are joined, and clipped to the span", () => {
    const lane = {
      spans: [{ start: 10, end: 100 }],
      running: [
        { start: 50, end: 70 },
        { start: 0, end: 20 },
        { start: 60, end: 80 },
      ],
    };
    assert.deepEqual(segments(lane, 0, true), [
      { state: "running", start: 10, end: 20 },
      { state: "waiting", start: 20, end: 50 },
      { state: "running", start: 50, end: 80 },
      { state: "waiting", start: 80, end: 100 },
    ]);
  });

  test("without states a span is one segment; an open span reaches now", () => {
    const lane = { spans: [{ start: 5, end: null }], running: [] };
    assert.deepEqual(segments(lane, 40, false), [{ state: "alive", start: 5, end: 40 }]);
    assert.deepEqual(segments(lane, 40, true), [{ state: "waiting", start: 5, end: 40 }]);
  });

  test("a lane's state at a moment", () => {
    const segs = segments(sequentialMain, 0, true);
    assert.equal(stateAt(segs, 500), "waiting");
    assert.equal(stateAt(segs, 1003.5), "running");
    assert.equal(stateAt(segs, 9000), "done");
    assert.equal(stateAt(segments({ spans: [{ start: 100, end: 200 }], running: [] }, 0, true), 50), "not started");
  });

  test("in words", () => {
    assert.equal(
      say("wait 2", { state: "waiting", start: 12, end: 1013 }),
      "wait 2: waiting from 0.012 s to 1.013 s, for 1.001 s",
    );
  });
});

describe("move", () => {
  const rows = [
    [
      { start: 0, end: 10 },
      { start: 10, end: 1000 },
    ],
    [],
    [
      { start: 0, end: 500 },
      { start: 500, end: 600 },
      { start: 600, end: 1000 },
    ],
  ];
  test("the first key selects the first segment; other keys do nothing", () => {
    assert.deepEqual(move(rows, null, "ArrowRight"), { lane: 0, index: 0 });
    assert.equal(move(rows, null, "a"), null);
    assert.equal(move([], null, "ArrowRight"), null);
  });
  test("along a lane, stopping at its ends", () => {
    assert.deepEqual(move(rows, { lane: 0, index: 0 }, "ArrowRight"), { lane: 0, index: 1 });
    assert.deepEqual(move(rows, { lane: 0, index: 1 }, "ArrowRight"), { lane: 0, index: 1 });
    assert.deepEqual(move(rows, { lane: 0, index: 0 }, "ArrowLeft"), { lane: 0, index: 0 });
    assert.deepEqual(move(rows, { lane: 2, index: 0 }, "End"), { lane: 2, index: 2 });
    assert.deepEqual(move(rows, { lane: 2, index: 2 }, "Home"), { lane: 2, index: 0 });
  });
  test("between lanes, skipping empty ones, to the segment nearest in time", () => {
    assert.deepEqual(move(rows, { lane: 0, index: 1 }, "ArrowDown"), { lane: 2, index: 1 });
    assert.deepEqual(move(rows, { lane: 2, index: 0 }, "ArrowUp"), { lane: 0, index: 1 });
    assert.deepEqual(move(rows, { lane: 0, index: 0 }, "ArrowUp"), { lane: 0, index: 0 });
  });
});

describe("scrubbing", () => {
  const recording = {
    total: 3010,
    lanes: new Map([["main", sequentialMain]]),
  };
  test("moments are every event's time, once, in order, within the run", () => {
    const times = moments(recording);
    assert.deepEqual(times.slice(0, 5), [0, 1, 2, 1003, 1003.5]);
    assert.equal(times.at(-1), 3010);
    assert.equal(new Set(times).size, times.length);
  });
  test("stepping goes event by event and stops at the ends", () => {
    const times = moments(recording);
    assert.equal(step(times, 0, 1), 1);
    assert.equal(step(times, 500, 1), 1003);
    assert.equal(step(times, 1003, -1), 2);
    assert.equal(step(times, 0, -1), 0);
    assert.equal(step(times, 3010, 1), 3010);
  });
  test("playback moves at its speed and stops at the end", () => {
    assert.equal(advance(100, 40, 0.25, 3010), 110);
    assert.equal(advance(100, 40, 4, 3010), 260);
    assert.equal(advance(3000, 40, 1, 3010), 3010);
  });
  test("position", () => {
    assert.equal(position(500, 1012.4), "0.500 s of 1.012 s");
  });
});

describe("waitingLines", () => {
  const rows = [
    { name: "main", segments: segments(sequentialMain, 0, true) },
    { name: "gone", segments: [{ state: "waiting", start: 0, end: 100 }] },
  ];
  const lanes = new Map([
    ["main", { at: [{ t: 2, line: 7 }, { t: 1004, line: 7 }, { t: 2007, line: 9 }] }],
    ["gone", { at: [{ t: 0, line: -3 }] }],
  ]);
  test("a waiting lane's latest line of this wait, within the code shown", () => {
    assert.deepEqual(waitingLines(rows, lanes, 500, 20), [{ lane: "main", line: 7 }]);
    assert.deepEqual(waitingLines(rows, lanes, 2500, 20), [{ lane: "main", line: 9 }]);
  });
  test("none while running, for a line of hidden code, or past the code's end", () => {
    assert.deepEqual(waitingLines(rows, lanes, 1003.5, 20), []);
    assert.deepEqual(waitingLines(rows, lanes, 50, 20).map((m) => m.lane), ["main"]);
    assert.deepEqual(waitingLines(rows, lanes, 2500, 8), []);
  });
  test("a line reported for an earlier wait does not carry over", () => {
    const only = new Map([["main", { at: [{ t: 2, line: 7 }] }]]);
    assert.deepEqual(waitingLines(rows, only, 1500, 20), []);
  });
});

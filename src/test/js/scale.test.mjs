// The timeline's time scale (webroot/live/scale.js): where the axis ends and where its ticks go.
// Run with: node --test src/test/js/

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { niceDomain, seconds, tickLabel, tickStep, ticks } from "../../../webroot/live/scale.js";

describe("seconds", () => {
  const cases = [
    [1234, undefined, "1.234 s"],
    [1234, 1, "1.2 s"],
    [1250, 2, "1.25 s"],
    [0, 2, "0.00 s"],
    [999.6, 0, "1 s"],
    [60000, 1, "60.0 s"],
  ];
  for (const [ms, digits, text] of cases) {
    test(`${ms} ms with ${digits ?? "default"} digits is ${text}`, () => assert.equal(seconds(ms, digits), text));
  }
});

describe("tickStep: a round step for about `count` ticks", () => {
  const cases = [
    // [domain, count, step]
    [1000, 8, 200], // 125 rounds up to 200
    [1000, 10, 100],
    [1000, 0, 1000], // no room: one step for the whole axis
    [120, 8, 20],
    [10, 10, 1],
    [0.5, 1, 1], // never below 1 ms
    [3000, 12, 250],
    [25000, 5, 5000],
    [120000, 4, 30000],
    [600000, 8, 60000], // never above a minute
  ];
  for (const [domain, count, step] of cases) {
    test(`${domain} ms in ${count} ticks: every ${step} ms`, () => assert.equal(tickStep(domain, count), step));
  }
});

describe("niceDomain: the end of the axis", () => {
  const cases = [
    // [ms, end]
    [0, 120], // a run with nothing yet still has an axis
    [50, 120],
    [100, 120],
    [115, 120],
    [116, 140], // 116 × 1.04 is past 120
    [1000, 1200],
    [1003, 1200],
    [3000, 3500],
    [10000, 12000],
    [60000, 70000],
    [600000, 660000],
  ];
  for (const [ms, end] of cases) {
    test(`${ms} ms ends at ${end} ms`, () => assert.equal(niceDomain(ms), end));
  }

  test("always past the time, by at least 4%, on a round step", () => {
    for (let ms = 0; ms <= 200000; ms += 137) {
      const end = niceDomain(ms);
      const target = Math.max(ms, 100) * 1.04;
      assert.ok(end >= target, `${ms} → ${end}`);
      assert.equal(end % tickStep(target, 8), 0, `${ms} → ${end}`);
      // Not wastefully far: at most one step of an eighth of the axis, and a bit.
      assert.ok(end <= target * 1.7 + 1, `${ms} → ${end}`);
    }
  });
});

describe("tickLabel: as many decimals as the step needs, no trailing zeros", () => {
  const cases = [
    [3000, 1000, "3 s"],
    [500, 100, "0.5 s"],
    [250, 250, "0.25 s"],
    [500, 250, "0.5 s"],
    [750, 250, "0.75 s"],
    [1000, 250, "1 s"],
    [20, 10, "0.02 s"],
    [3, 1, "0.003 s"],
    [0, 5000, "0 s"],
    [0, 200, "0 s"],
    [30000, 30000, "30 s"],
  ];
  for (const [ms, step, label] of cases) {
    test(`${ms} ms on steps of ${step} ms: ${label}`, () => assert.equal(tickLabel(ms, step), label));
  }
});

describe("ticks", () => {
  const at = (list) => list.map((tick) => tick.t);
  const labels = (list) => list.map((tick) => tick.label);

  test("a one-second run on a wide axis", () => {
    const list = ticks(1200, 10);
    assert.deepEqual(at(list), [0, 200, 400, 600, 800, 1000, 1200]);
    assert.deepEqual(labels(list), ["0 s", "0.2 s", "0.4 s", "0.6 s", "0.8 s", "1 s", "1.2 s"]);
  });

  test("a short run", () => {
    assert.deepEqual(labels(ticks(120, 8)), ["0 s", "0.02 s", "0.04 s", "0.06 s", "0.08 s", "0.1 s", "0.12 s"]);
  });

  test("quarter seconds read as quarters", () => {
    assert.deepEqual(labels(ticks(1250, 5)), ["0 s", "0.25 s", "0.5 s", "0.75 s", "1 s", "1.25 s"]);
  });

  test("a three-second run on a phone", () => {
    assert.deepEqual(labels(ticks(3500, 3)), ["0 s", "2 s"]);
    assert.deepEqual(labels(ticks(3500, 6)), ["0 s", "1 s", "2 s", "3 s"]);
  });

  test("a long run", () => {
    assert.deepEqual(at(ticks(70000, 8)), [0, 10000, 20000, 30000, 40000, 50000, 60000, 70000]);
  });

  test("an axis with room for no ticks still has its start", () => {
    assert.deepEqual(ticks(120, 0), [{ t: 0, label: "0 s" }]);
  });

  test("evenly spaced from 0, never past the end, about as many as asked", () => {
    for (const ms of [0, 40, 333, 1003, 2990, 9999, 45000, 300000]) {
      const domain = niceDomain(ms);
      for (const count of [2, 3, 5, 8, 12, 20]) {
        const list = ticks(domain, count);
        const step = tickStep(domain, count);
        assert.equal(list[0].t, 0);
        list.forEach((tick, i) => assert.equal(tick.t, i * step));
        assert.ok(list.at(-1).t <= domain, `${domain}/${count}`);
        assert.ok(list.at(-1).t + step > domain, `${domain}/${count}: a tick is missing at the end`);
        // More only where the round steps run out: a minute apart is as far as ticks go.
        assert.ok(list.length <= count + 1 || step === 60000, `${domain}/${count}: ${list.length} ticks`);
      }
    }
  });

  test("compared runs of 3 s and 1 s: both axes end on a tick at 3.5 s", () => {
    const domain = niceDomain(Math.max(3012, 1004));
    assert.equal(domain, 3500);
    for (const count of [4, 9, 14]) assert.equal(ticks(domain, count).at(-1).label, count === 4 ? "3 s" : "3.5 s");
  });
});

// A challenge's check results as the page words them (webroot/live/checks.js).
// Run with: node --test src/test/js/

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { checkReport } from "../../../webroot/live/checks.js";
import { validEvent } from "../../../webroot/live/phase.js";

const result = (check, passed, measured) => ({ check, goal: `goal of ${check}`, passed, measured });

describe("checkReport", () => {
  test("every check passed", () => {
    const r = checkReport({ passed: true, results: [result("output", true, "the line matches"), result("wall-under", true, "took 0.23 s")] });
    assert.equal(r.passed, true);
    assert.equal(r.headline, "Challenge complete: all 2 checks pass.");
    assert.deepEqual(r.items[1], { goal: "goal of wall-under", passed: true, text: "Passed: took 0.23 s" });
  });
  test("some failed: how many pass, and what each measured", () => {
    const r = checkReport({ passed: false, results: [result("output", true, "ok"), result("wall-under", false, "took 2.01 s"), result("overlapping", false, "no such tasks at all")] });
    assert.equal(r.passed, false);
    assert.equal(r.headline, "1 of 3 checks pass. Change the code and run it again.");
    assert.equal(r.items[1].text, "Not yet: took 2.01 s");
  });
  test("nothing to judge is not a pass, whatever the flag says", () => {
    assert.equal(checkReport({ passed: true, results: [] }).passed, false);
    assert.equal(checkReport(null).items.length, 0);
  });
  test("the event is one the page accepts, and a malformed one is not", () => {
    assert.ok(validEvent({ type: "checked", id: "r", seq: 9, passed: true, results: [] }));
    assert.ok(!validEvent({ type: "checked", id: "r", seq: 9, passed: "yes", results: [] }));
    assert.ok(!validEvent({ type: "checked", id: "r", seq: 9, passed: true }));
  });
});

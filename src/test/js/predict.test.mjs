// "Predict first" (webroot/live/predict.js): which answers an example offers, and how a guess is
// judged against the run.
// Run with: node --test src/test/js/

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { choiceLabel, choicesFor, judge, nearest } from "../../../webroot/live/predict.js";

describe("choicesFor", () => {
  test("the example's distinct timings, ascending", () => {
    assert.deepEqual(choicesFor([3, 1, 3, 1, 1]), [1, 3]);
    assert.deepEqual(choicesFor([0.5, 1.5, 2]), [0.5, 1.5, 2]);
  });
  test("no question without two different answers", () => {
    assert.deepEqual(choicesFor([1, 1]), []);
    assert.deepEqual(choicesFor([]), []);
    assert.deepEqual(choicesFor([NaN, 0, 2]), []);
  });
});

describe("choiceLabel", () => {
  test("round seconds, no trailing zeros", () => {
    assert.equal(choiceLabel(1), "about 1 s");
    assert.equal(choiceLabel(0.5), "about 0.5 s");
    assert.equal(choiceLabel(3.0), "about 3 s");
  });
});

describe("nearest and judge", () => {
  test("nearest as a ratio", () => {
    assert.equal(nearest([1, 3], 1.02), 1);
    assert.equal(nearest([1, 3], 2), 3, "2 s is 1.5× from 3 s, 2× from 1 s");
    assert.equal(nearest([1, 3], 0.001), 1);
  });
  test("a right guess", () => {
    const v = judge(1, 1013, [1, 3]);
    assert.equal(v.correct, true);
    assert.equal(v.text, "You predicted about 1 s, and it took 1.01 s. Right.");
  });
  test("a wrong guess says what it was", () => {
    const v = judge(3, 1013, [1, 3]);
    assert.equal(v.correct, false);
    assert.equal(v.nearest, 1);
    assert.equal(v.text, "You predicted about 3 s; it took 1.01 s, about 1 s.");
  });
  test("a run of no time", () => {
    assert.equal(judge(1, 0, [1, 3]).correct, true);
  });
});

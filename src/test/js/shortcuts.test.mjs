// Keyboard shortcuts (webroot/shortcuts.js): which example `j` and `k` go to, and which key
// presses are shortcuts at all.
// Run with: node --test src/test/js/

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { SHORTCUTS, shortcut, targetExample } from "../../../webroot/shortcuts.js";

describe("targetExample", () => {
  const tops = [400, 1200, 2000];
  test("next is the first example below the current line", () => {
    assert.equal(targetExample(tops, 0, 1), 0);
    assert.equal(targetExample(tops, 400, 1), 1, "sitting on the first: the second");
    assert.equal(targetExample(tops, 401, 1), 1, "rounding does not count as moving");
    assert.equal(targetExample(tops, 1500, 1), 2);
    assert.equal(targetExample(tops, 2000, 1), -1, "the last has no next");
  });
  test("previous is the last example above it", () => {
    assert.equal(targetExample(tops, 2000, -1), 1, "sitting on the third: the second");
    assert.equal(targetExample(tops, 1500, -1), 1, "half-way down the second: its top");
    assert.equal(targetExample(tops, 400, -1), -1, "the first has no previous");
    assert.equal(targetExample(tops, 100, -1), -1);
  });
  test("a page without examples", () => {
    assert.equal(targetExample([], 0, 1), -1);
    assert.equal(targetExample([], 0, -1), -1);
  });
});

describe("shortcut", () => {
  const key = (k, extra = {}) => ({ key: k, target: { tagName: "BODY", closest: () => null }, ...extra });
  test("bare j, k and ? on the page", () => {
    assert.equal(shortcut(key("j")), "next");
    assert.equal(shortcut(key("k")), "previous");
    assert.equal(shortcut(key("?")), "help");
    assert.equal(shortcut(key("x")), null);
  });
  test("not with a modifier, not while typing, not when taken already", () => {
    assert.equal(shortcut(key("j", { ctrlKey: true })), null);
    assert.equal(shortcut(key("k", { metaKey: true })), null);
    assert.equal(shortcut(key("j", { target: { tagName: "TEXTAREA", closest: () => null } })), null);
    assert.equal(shortcut(key("?", { defaultPrevented: true })), null);
  });
  test("the list names every shortcut it handles", () => {
    const listed = SHORTCUTS.flatMap(([keys]) => keys);
    for (const k of ["/", "j", "k", "?", "Esc"]) assert.ok(listed.includes(k), k);
  });
});

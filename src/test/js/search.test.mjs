// The search box's pure parts (webroot/search.js): reading a query as the server does, marking
// matches in a result, moving the selection, and telling typing from a page shortcut.
// Run with: node --test src/test/js/

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { codeSummary, isTyping, marks, move, terms } from "../../../webroot/search.js";

describe("terms", () => {
  test("words of letters, digits and _, lower case, each once", () => {
    assert.deepEqual(terms("asyncio.gather( Gather ) to_thread"), ["asyncio", "gather", "to_thread"]);
  });
  test("punctuation alone is no query", () => {
    assert.deepEqual(terms(" ?!. "), []);
  });
  test("letters beyond ASCII count", () => {
    assert.deepEqual(terms("Nebenläufigkeit"), ["nebenläufigkeit"]);
  });
});

describe("marks", () => {
  const join = (runs) => runs.map((r) => r.text).join("");
  test("marks the start of each word a term starts, and gives the text back whole", () => {
    const text = "Run many, then gather them: gathering is waiting.";
    const runs = marks(text, ["gather"]);
    assert.equal(join(runs), text);
    assert.deepEqual(
      runs.filter((r) => r.match).map((r) => r.text),
      ["gather", "gather"],
    );
  });
  test("is case-blind, and not inside a word", () => {
    const runs = marks("Task.WhenAll vs. whenall vs. SomewhenAll", ["whenall"]);
    assert.deepEqual(
      runs.filter((r) => r.match).map((r) => r.text),
      ["WhenAll", "whenall"],
    );
  });
  test("no terms, or no text", () => {
    assert.deepEqual(marks("plain", []), [{ text: "plain", match: false }]);
    assert.deepEqual(marks("", ["x"]), []);
  });
});

describe("move", () => {
  test("down and up wrap around", () => {
    assert.equal(move(-1, 3, "ArrowDown"), 0);
    assert.equal(move(2, 3, "ArrowDown"), 0);
    assert.equal(move(0, 3, "ArrowUp"), 2);
    assert.equal(move(1, 3, "ArrowUp"), 0);
  });
  test("Home and End, other keys stay", () => {
    assert.equal(move(1, 3, "Home"), 0);
    assert.equal(move(0, 3, "End"), 2);
    assert.equal(move(1, 3, "a"), 1);
  });
  test("nothing to move through", () => {
    assert.equal(move(0, 0, "ArrowDown"), -1);
  });
});

describe("isTyping", () => {
  const el = (tagName, extra = {}) => ({ tagName, closest: () => null, ...extra });
  test("fields and editable text keep their keys", () => {
    assert.equal(isTyping(el("INPUT")), true);
    assert.equal(isTyping(el("TEXTAREA")), true);
    assert.equal(isTyping(el("DIV", { isContentEditable: true })), true);
    assert.equal(isTyping(el("DIV", { closest: (s) => (s.includes("CodeMirror") ? {} : null) })), true);
  });
  test("the page itself does not", () => {
    assert.equal(isTyping(el("BODY")), false);
    assert.equal(isTyping(el("A")), false);
    assert.equal(isTyping(null), false);
  });
});

describe("codeSummary", () => {
  test("groups identifiers by language, three at most each", () => {
    const code = [
      { languageName: "Python", identifier: "gather" },
      { languageName: "C#", identifier: "WhenAll" },
      { languageName: "Python", identifier: "gather" },
      { languageName: "Python", identifier: "a" },
      { languageName: "Python", identifier: "b" },
      { languageName: "Python", identifier: "c" },
    ];
    assert.equal(codeSummary(code), "Python: gather, a, b · C#: WhenAll");
    assert.equal(codeSummary([]), "");
    assert.equal(codeSummary(undefined), "");
  });
});

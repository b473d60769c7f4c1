// The run reducer (webroot/live/phase.js): every phase, every way a run ends, and which events the
// page accepts. Run with: node --test src/test/js/

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  END_REASONS,
  EVENT_TYPES,
  IDLE,
  cancelling,
  checkSize,
  comparison,
  endsRun,
  errorCount,
  phase,
  start,
  usable,
  validEvent,
} from "../../../webroot/live/phase.js";

/** Frozen all the way down: a reducer that changed its input would throw in a module. */
function frozen(value) {
  if (value && typeof value === "object") {
    Object.values(value).forEach(frozen);
    Object.freeze(value);
  }
  return value;
}

/** The state after each event in turn, from a frozen start. */
function after(events, options = {}) {
  return events.reduce((state, event) => frozen(phase(state, frozen({ ...event }))), frozen(start(options)));
}

const QUEUED = { type: "queued", id: "r1", seq: 1, position: 3 };
const COMPILING = { type: "compiling", id: "r1", seq: 2 };
const STARTED = { type: "started", id: "r1", seq: 3 };
const OUT = { type: "stdout", id: "r1", seq: 4, text: "hello", t: 1.5, thread: "main" };
const ERR = { type: "stderr", id: "r1", seq: 5, text: "oops", t: 2, thread: "worker-1" };
const SPAN_START = { type: "span-start", id: "r1", seq: 6, name: "wait 1", thread: "v1", start: 3 };
const SPAN_END = { type: "span-end", id: "r1", seq: 7, name: "wait 1", thread: "v1", start: 3, end: 1003 };
const TIME_LIMIT = { type: "limit", id: "r1", seq: 8, kind: "time", message: "The program ran for more than 10 s." };
const OUTPUT_LIMIT = { type: "limit", id: "r1", seq: 8, kind: "output", message: "The program printed too much." };
const EXIT = { type: "exit", id: "r1", seq: 9, code: 0, wallMs: 12.4, cpuMs: 5.2 };
const diagnostic = (severity, line) => ({
  type: "diagnostic",
  id: "r1",
  seq: 2,
  severity,
  line,
  column: 5,
  message: "';' expected",
});
const error = (reason, message = "The server's own words.") => ({ type: "error", id: "r1", seq: 9, message, reason });

describe("phases before the end", () => {
  const cases = [
    // [name, options, events, phase, text]
    ["a new run connects", {}, [], "connecting", "Starting…"],
    ["a replay loads", { replaying: true }, [], "connecting", "Loading the recorded run…"],
    ["queued", {}, [QUEUED], "queued", "Queued: position 3"],
    ["moved up the queue", {}, [QUEUED, { ...QUEUED, position: 1 }], "queued", "Queued: position 1"],
    ["compiling", {}, [QUEUED, COMPILING], "compiling", "Compiling…"],
    ["running", {}, [COMPILING, STARTED], "running", "Running"],
    ["a replay running", { replaying: true }, [STARTED], "running", "Replaying a recorded run"],
    ["output keeps running", {}, [STARTED, OUT, ERR, SPAN_START, SPAN_END], "running", "Running"],
    ["a diagnostic keeps compiling", {}, [COMPILING, diagnostic("warning", 2)], "compiling", "Compiling…"],
    ["a limit waits for the end", {}, [STARTED, TIME_LIMIT], "running", "Running"],
  ];
  for (const [name, options, events, expectedPhase, text] of cases) {
    test(name, () => {
      const state = after(events, options);
      assert.equal(state.phase, expectedPhase);
      assert.equal(state.text, text);
      assert.equal(state.ended, false);
      assert.equal(state.ok, false);
    });
    test(`${name}, comparing`, () => {
      const state = after(events, { ...options, label: "Concurrent", comparing: true });
      assert.equal(state.phase, expectedPhase);
      // A replay has one variant, so never a prefix; everything else says which variant it is.
      assert.equal(state.text, options.replaying ? text : `Concurrent: ${text}`);
    });
  }

  test("the label is only a prefix when comparing", () => {
    assert.equal(after([STARTED], { label: "Concurrent" }).text, "Running");
  });

  test("the queue position is kept", () => {
    assert.equal(after([QUEUED]).position, 3);
    assert.equal(after([]).position, null);
  });

  test("output, spans and compiling leave the state as it was", () => {
    const running = after([STARTED]);
    for (const event of [OUT, ERR, SPAN_START, SPAN_END]) assert.equal(phase(running, event), running);
  });

  test("started is noted", () => {
    assert.equal(after([COMPILING]).started, false);
    assert.equal(after([STARTED]).started, true);
  });

  test("the idle state is the default", () => {
    assert.equal(IDLE.phase, "idle");
    assert.equal(IDLE.text, "");
    assert.equal(phase(undefined, QUEUED).text, "Queued: position 3");
  });
});

describe("how a run that started ends", () => {
  const recordedAt = "2025-01-02T03:04:05Z";
  const cases = [
    // [name, events before the exit, exit, phase, text, ok, reason]
    ["exit 0", [STARTED], EXIT, "finished", "Finished in 12 ms · exit code 0 · CPU 5 ms", true, null],
    ["times round to the ms", [STARTED], { ...EXIT, wallMs: 12.6, cpuMs: 5.5 }, "finished", "Finished in 13 ms · exit code 0 · CPU 6 ms", true, null],
    ["no CPU time when it is 0", [STARTED], { ...EXIT, cpuMs: 0 }, "finished", "Finished in 12 ms · exit code 0", true, null],
    ["no CPU time when it is missing", [STARTED], { ...EXIT, cpuMs: undefined }, "finished", "Finished in 12 ms · exit code 0", true, null],
    ["a non-zero exit", [STARTED], { ...EXIT, code: 1 }, "failed", "Finished in 12 ms · exit code 1 · CPU 5 ms", false, null],
    ["a negative exit", [STARTED], { ...EXIT, code: -1 }, "failed", "Finished in 12 ms · exit code -1 · CPU 5 ms", false, null],
    ["a limit", [STARTED, TIME_LIMIT], { ...EXIT, code: 137, wallMs: 10000.2 }, "stopped", "Stopped by a limit after 10000 ms", false, "limit"],
    ["a limit, even with exit 0", [STARTED, OUTPUT_LIMIT], EXIT, "stopped", "Stopped by a limit after 12 ms", false, "limit"],
    [
      "a replay",
      [STARTED],
      { ...EXIT, wallMs: 1003.4, replayed: recordedAt },
      "finished",
      `Replayed a recorded run: 1003 ms · exit code 0 · recorded ${new Date(recordedAt).toLocaleString()}`,
      true,
      null,
    ],
  ];
  for (const [name, events, exit, expectedPhase, text, ok, reason] of cases) {
    test(name, () => {
      const state = after([...events, exit]);
      assert.equal(state.phase, expectedPhase);
      assert.equal(state.text, text);
      assert.equal(state.ended, true);
      assert.equal(state.ok, ok);
      assert.equal(state.reason, reason);
      assert.equal(state.exit.code, exit.code);
      assert.equal(state.exit.wallMs, exit.wallMs);
    });
  }

  test("comparing says which variant", () => {
    const state = after([STARTED, { ...EXIT, code: 3 }], { label: "Sequential", comparing: true });
    assert.equal(state.text, "Sequential: Finished in 12 ms · exit code 3 · CPU 5 ms");
    assert.equal(after([STARTED, TIME_LIMIT, EXIT], { label: "A", comparing: true }).text, "A: Stopped by a limit after 12 ms");
  });

  test("cancelled after it started: how long it ran, in tenths of a second", () => {
    const cancelled = frozen(cancelling(after([STARTED, OUT])));
    const state = phase(cancelled, { ...EXIT, code: 137, wallMs: 1234 });
    assert.equal(state.phase, "cancelled");
    assert.equal(state.text, "Cancelled after 1.2 s");
    assert.equal(state.ok, false);
    assert.equal(state.reason, "cancelled");
    // A cancel wins over a limit hit on the way, and over an exit code of 0.
    const both = phase(frozen(cancelling(after([STARTED, TIME_LIMIT]))), EXIT);
    assert.equal(both.text, "Cancelled after 0.0 s");
    assert.equal(both.ok, false);
    const prefixed = phase(frozen(cancelling(after([STARTED], { label: "Concurrent", comparing: true }))), { ...EXIT, wallMs: 950 });
    assert.equal(prefixed.text, "Concurrent: Cancelled after 0.9 s");
  });
});

describe("how a run ends with an error", () => {
  const cases = [
    // [name, events before, error, phase, text]
    ["cancelled by the server", [QUEUED], error("cancelled", "Cancelled before it started."), "cancelled", "Cancelled"],
    ["cancelled while running", [STARTED], error("cancelled", "Cancelled."), "cancelled", "Cancelled"],
    ["busy", [], error("busy", "The playground is busy: 8 runs are waiting."), "error", "The playground is busy: 8 runs are waiting."],
    ["busy, without words", [], error("busy", ""), "error", "The playground is busy. Please try again in a few seconds."],
    ["a compile error", [COMPILING, diagnostic("error", 3)], error("compile-failed", "Does not compile."), "failed", "Did not compile: 1 error"],
    [
      "compile errors and a warning",
      [COMPILING, diagnostic("error", 3), diagnostic("warning", 4), diagnostic("error", 9)],
      error("compile-failed"),
      "failed",
      "Did not compile: 2 errors",
    ],
    ["did not compile, with no error to show", [COMPILING, diagnostic("warning", 1)], error("compile-failed", "Does not compile."), "failed", "Does not compile."],
    ["a limit before it started", [COMPILING, TIME_LIMIT], error("limit", "Compiling took too long."), "stopped", "Compiling took too long."],
    ["a limit, named only by the reason", [COMPILING], error("limit", "Too big."), "stopped", "Too big."],
    ["a limit, from a server without reasons", [STARTED, OUTPUT_LIMIT], error(undefined, "Too much output."), "stopped", "Too much output."],
    ["the worker was lost: the server's words", [STARTED], error("worker-lost", "The run's process died."), "error", "The run's process died."],
    ["the worker was lost, without words", [STARTED], error("worker-lost", ""), "error", "The process running the code was lost. Run it again."],
    [
      "the server is shutting down",
      [STARTED],
      error("shutting-down", "Server stopping."),
      "error",
      "The playground is restarting, so the run was stopped. Run it again in a moment.",
    ],
    ["internal", [], error("internal", "Something broke."), "error", "Something broke."],
    ["invalid", [], error("invalid", "Unknown lesson 'x'."), "error", "Unknown lesson 'x'."],
    ["unavailable", [], error("unavailable", "This server runs only the lessons' code."), "error", "This server runs only the lessons' code."],
    ["unavailable, without words", [], error("unavailable", ""), "error", "This playground cannot run edited code."],
    ["a server without reasons", [], error(undefined, "It broke."), "error", "It broke."],
    ["a reason this page does not know", [], error("gremlins", "It broke."), "error", "It broke."],
    ["no reason and no words", [], error(undefined, ""), "error", "The run failed."],
    // The page used to match this text; only the reason counts now.
    ["the old cancel text alone is not a cancel", [STARTED], error(undefined, "Cancelled."), "error", "Cancelled."],
  ];
  for (const [name, events, err, expectedPhase, text] of cases) {
    test(name, () => {
      const state = after([...events, err]);
      assert.equal(state.phase, expectedPhase);
      assert.equal(state.text, text);
      assert.equal(state.ended, true);
      assert.equal(state.ok, false);
      assert.equal(state.reason, err.reason ?? null);
      assert.equal(state.exit, null);
    });
    test(`${name}, comparing`, () => {
      assert.equal(after([...events, err], { label: "Concurrent", comparing: true }).text, `Concurrent: ${text}`);
    });
  }

  test("a cancel the reader asked for wins over anything the error says", () => {
    for (const reason of [undefined, "internal", "worker-lost", "compile-failed", "limit"]) {
      const state = phase(frozen(cancelling(after([COMPILING, diagnostic("error", 1)]))), error(reason, "x"));
      assert.equal(state.phase, "cancelled", String(reason));
      assert.equal(state.text, "Cancelled");
      assert.equal(state.reason, "cancelled");
    }
  });

  test("a replay that could not load", () => {
    const state = after([error("internal", "The recorded run could not be loaded (HTTP 503). Try Run live.")], { replaying: true });
    assert.equal(state.phase, "error");
    assert.equal(state.text, "The recorded run could not be loaded (HTTP 503). Try Run live.");
  });

  test("the local errors of socket.js and replay.js read as before", () => {
    const lost = after([STARTED, error("worker-lost", "The connection to the playground was lost, so the run was stopped. Run it again.")]);
    assert.equal(lost.phase, "error");
    assert.equal(lost.text, "The connection to the playground was lost, so the run was stopped. Run it again.");
    assert.equal(after([error("cancelled", "Cancelled.")]).phase, "cancelled");
  });
});

describe("limits and diagnostics", () => {
  test("every limit is kept, in order, with its kind and message", () => {
    const state = after([STARTED, TIME_LIMIT, OUTPUT_LIMIT]);
    assert.deepEqual(state.limits, [
      { kind: "time", message: TIME_LIMIT.message },
      { kind: "output", message: OUTPUT_LIMIT.message },
    ]);
    assert.deepEqual(after([STARTED]).limits, []);
  });

  test("every diagnostic is kept; only errors count", () => {
    const events = [COMPILING, diagnostic("warning", 1), diagnostic("error", 2), diagnostic("error", 7)];
    const state = after(events);
    assert.deepEqual(state.diagnostics.map((d) => [d.severity, d.line]), [["warning", 1], ["error", 2], ["error", 7]]);
    assert.equal(errorCount(state.diagnostics), 2);
    assert.equal(errorCount([]), 0);
    // Diagnostics stay for the panel to show when the run ends.
    assert.equal(phase(state, error("compile-failed")).diagnostics.length, 3);
  });

  test("nothing changes after the end", () => {
    const ended = after([STARTED, EXIT]);
    for (const event of [OUT, TIME_LIMIT, diagnostic("error", 1), error("internal"), { ...EXIT, code: 1 }, STARTED]) {
      assert.equal(phase(ended, event), ended);
    }
    const failed = after([error("busy")]);
    assert.equal(phase(failed, EXIT), failed);
  });
});

describe("cancelling", () => {
  const cases = [
    ["while connecting", []],
    ["while queued", [QUEUED]],
    ["while compiling", [COMPILING]],
    ["while running", [STARTED]],
  ];
  for (const [name, events] of cases) {
    test(name, () => {
      const state = cancelling(after(events));
      assert.equal(state.phase, "cancelling");
      assert.equal(state.text, "Cancelling…");
      assert.equal(state.cancelRequested, true);
      assert.equal(state.ended, false);
    });
  }

  test("a program that starts after the cancel does not say Running", () => {
    const state = phase(frozen(cancelling(after([COMPILING]))), STARTED);
    assert.equal(state.text, "Cancelling…");
    assert.equal(state.started, true);
  });

  test("a run that already ended keeps its phase", () => {
    const ended = after([STARTED, EXIT]);
    const state = cancelling(ended);
    assert.equal(state.phase, "finished");
    assert.equal(state.text, ended.text);
  });
});

describe("code too large to send", () => {
  test("code that fits is sent: the state is unchanged", () => {
    const state = frozen(start());
    assert.equal(checkSize(state, 0, 65536), state);
    assert.equal(checkSize(state, 65536, 65536), state);
  });

  test("code over the limit is not sent, and says why", () => {
    const state = checkSize(frozen(start({ label: "Concurrent", comparing: true })), 65537, 65536);
    assert.equal(state.phase, "failed");
    assert.equal(state.text, "Not run: the code is too large.");
    assert.equal(state.ended, true);
    assert.equal(state.ok, false);
    assert.equal(state.reason, "limit");
    assert.deepEqual(state.limits, [
      { kind: "source-size", message: "The code is 65 KiB; the most this playground compiles is 64 KiB." },
    ]);
    assert.equal(checkSize(start(), 200 * 1024 + 1, 100 * 1024 + 512).limits[0].message, "The code is 201 KiB; the most this playground compiles is 100 KiB.");
  });
});

describe("comparing variants", () => {
  const run = (label, wallMs, ok = true) => ({ label, wallMs, ok });
  const cases = [
    // [name, results, times, verdict]
    ["three times faster", [run("Sequential", 3012), run("Concurrent", 1004)], "3.01 s vs 1.00 s: ", "Concurrent is 3.0× faster than Sequential."],
    ["the faster one first", [run("A", 500), run("B", 1250)], "0.50 s vs 1.25 s: ", "A is 2.5× faster than B."],
    ["within 5%", [run("A", 1000), run("B", 1040)], "1.00 s vs 1.04 s: ", "about the same."],
    ["just 5% apart", [run("A", 1000), run("B", 1050)], "1.00 s vs 1.05 s: ", "A is 1.1× faster than B."],
    ["three variants", [run("A", 100), run("B", 400), run("C", 200)], "0.10 s vs 0.40 s vs 0.20 s: ", "A is 4.0× faster than B."],
    ["a run of 0 ms does not divide by zero", [run("A", 0), run("B", 10)], "0.00 s vs 0.01 s: ", "A is 10000.0× faster than B."],
  ];
  for (const [name, results, times, verdict] of cases) {
    test(name, () => {
      const c = comparison(results);
      assert.equal(c.times, times);
      assert.equal(c.verdict, verdict);
      assert.equal(c.phase, "finished");
      assert.equal(c.text, `Compared ${results.length} variants`);
    });
  }

  test("no verdict unless every variant ran well", () => {
    assert.equal(comparison([run("A", 100), run("B", 200, false)]), null);
    assert.equal(comparison([run("A", 100)], 2), null); // the second never ran
    assert.equal(comparison([run("A", 100)]), null); // one variant compares nothing
    assert.equal(comparison([]), null);
  });
});

describe("which events the page accepts", () => {
  const valid = {
    queued: QUEUED,
    compiling: COMPILING,
    diagnostic: diagnostic("error", 3),
    started: STARTED,
    stdout: OUT,
    stderr: ERR,
    "span-start": SPAN_START,
    "span-end": SPAN_END,
    running: { type: "running", id: "r1", seq: 5, thread: "wait #2", start: 0.5, end: 1.25 },
    limit: TIME_LIMIT,
    at: { type: "at", id: "r1", seq: 7, thread: "main", t: 2.5, line: 7 },
    checked: { type: "checked", id: "r1", seq: 8, passed: false, results: [{ check: "wall-under", goal: "Finishes in under 1 s", passed: false, measured: "took 2.01 s" }] },
    exit: EXIT,
    error: error("busy"),
  };

  test("one list of event types, and a valid example of each", () => {
    assert.deepEqual([...EVENT_TYPES].sort(), Object.keys(valid).sort());
    for (const type of EVENT_TYPES) assert.equal(validEvent(valid[type]), true, type);
    assert.ok(Object.isFrozen(EVENT_TYPES));
  });

  test("the end reasons", () => {
    assert.deepEqual(
      [...END_REASONS].sort(),
      ["busy", "cancelled", "compile-failed", "internal", "invalid", "limit", "shutting-down", "unavailable", "worker-lost"],
    );
  });

  const alsoValid = [
    ["output with no thread", { ...OUT, thread: undefined }],
    ["output with a null thread", { ...OUT, thread: null }],
    ["an unnamed span", { ...SPAN_START, name: undefined }],
    ["an exit without CPU time", { ...EXIT, cpuMs: undefined }],
    ["a replayed exit", { ...EXIT, replayed: "2025-01-02T03:04:05Z" }],
    ["an error without a reason (an older server)", error(undefined)],
    ["an error with a reason this page does not know", error("gremlins")],
    ["a local event: no seq", { type: "error", id: "r1", message: "Cancelled.", reason: "cancelled", local: true }],
    ["a replay's event: no id", { type: "error", message: "Cancelled.", reason: "cancelled" }],
    ["an extra field", { ...OUT, colour: "red" }],
    ["empty output", { ...OUT, text: "" }],
  ];
  for (const [name, event] of alsoValid) test(`valid: ${name}`, () => assert.equal(validEvent(event), true));

  const invalid = [
    ["nothing", undefined],
    ["null", null],
    ["a string", "stdout"],
    ["an array", ["stdout"]],
    ["no type", { id: "r1", seq: 1 }],
    ["an unknown type", { ...STARTED, type: "restarted" }],
    ["the old span event", { ...SPAN_END, type: "span" }],
    ["a socket message", { type: "pong" }],
    ["a name from Object's prototype", { ...STARTED, type: "constructor" }],
    ["an id that is a number", { ...STARTED, id: 7 }],
    ["a seq of 0", { ...STARTED, seq: 0 }],
    ["a seq that is text", { ...STARTED, seq: "3" }],
    ["a seq that is a fraction", { ...STARTED, seq: 1.5 }],
    ["queued without a position", { ...QUEUED, position: undefined }],
    ["a position that is text", { ...QUEUED, position: "3" }],
    ["a position that is a fraction", { ...QUEUED, position: 1.5 }],
    ["a diagnostic without a line", { ...diagnostic("error", 1), line: undefined }],
    ["a diagnostic without a message", { ...diagnostic("error", 1), message: null }],
    ["output without text", { ...OUT, text: undefined }],
    ["output whose time is text", { ...OUT, t: "1.5" }],
    ["output whose time is not a number", { ...OUT, t: NaN }],
    ["output whose thread is a number", { ...OUT, thread: 1 }],
    ["a span start without a start", { ...SPAN_START, start: undefined }],
    ["a span end without an end", { ...SPAN_END, end: undefined }],
    ["a span end that never ends", { ...SPAN_END, end: Infinity }],
    ["a limit without a kind", { ...TIME_LIMIT, kind: undefined }],
    ["a limit without a message", { ...TIME_LIMIT, message: undefined }],
    ["an exit without a code", { ...EXIT, code: undefined }],
    ["an exit code that is text", { ...EXIT, code: "0" }],
    ["an exit without a time", { ...EXIT, wallMs: undefined }],
    ["an exit whose CPU time is text", { ...EXIT, cpuMs: "5" }],
    ["an error without a message", { type: "error", id: "r1", reason: "internal" }],
    ["an error whose reason is a number", error(5)],
  ];
  for (const [name, event] of invalid) test(`invalid: ${name}`, () => assert.equal(validEvent(event), false));

  test("usable: a valid event as it is, a bad one ignored", () => {
    assert.equal(usable(OUT), OUT);
    assert.equal(usable(EXIT), EXIT);
    assert.equal(usable({ ...OUT, t: "soon" }), null);
    assert.equal(usable({ type: "span" }), null);
    assert.equal(usable(null), null);
  });

  test("usable: a malformed last event still ends the run", () => {
    for (const bad of [{ ...EXIT, wallMs: undefined }, { type: "error", id: "r1" }]) {
      const event = usable(bad);
      assert.equal(validEvent(event), true);
      assert.equal(event.type, "error");
      assert.equal(event.reason, "internal");
      const state = phase(after([STARTED]), event);
      assert.equal(state.ended, true);
      assert.equal(state.phase, "error");
      assert.equal(state.text, "The playground sent an answer this page cannot read.");
    }
  });

  test("endsRun", () => {
    assert.equal(endsRun(EXIT), true);
    assert.equal(endsRun(error("busy")), true);
    for (const event of [QUEUED, STARTED, OUT, TIME_LIMIT, null, undefined]) assert.equal(endsRun(event), false);
  });
});

describe("a whole run", () => {
  test("the events of a real run, from queue to exit", () => {
    const seen = [];
    let state = frozen(start());
    const events = [QUEUED, { ...QUEUED, position: 1 }, COMPILING, STARTED, SPAN_START, OUT, ERR, SPAN_END, EXIT];
    for (const event of events) {
      state = frozen(phase(state, event));
      if (seen.at(-1) !== state.phase) seen.push(state.phase);
    }
    assert.deepEqual(seen, ["queued", "compiling", "running", "finished"]);
    assert.equal(state.ok, true);
  });

  test("phase.js needs no DOM", () => {
    assert.equal(typeof document, "undefined");
    assert.equal(typeof window, "undefined");
  });
});

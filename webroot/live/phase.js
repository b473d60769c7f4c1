// What one run is doing, from the events it sent: a pure reducer, phase(state, event), with no
// DOM in it, so that every decision the run panel makes (which phase, what the phase line says,
// whether the run ended and went well) can be tested in Node. runpane.js only draws the result.
//
// A run goes connecting → queued → compiling → running → finished, or ends early: failed (did not
// compile, or a non-zero exit), stopped (by a limit), cancelled, or error (the playground could not
// run it). The wire protocol, with every event and end reason, is docs/protocol.md.

import { seconds } from "./scale.js";

/**
 * The fields each event type must carry, beyond `type`. A trailing "?" marks a field that may be
 * missing (or null); when present it must still have its type.
 */
const FIELDS = {
  queued: { position: "integer" },
  compiling: {},
  diagnostic: { severity: "string", line: "integer", column: "integer", message: "string" },
  started: {},
  stdout: { text: "string", t: "number", thread: "string?" },
  stderr: { text: "string", t: "number", thread: "string?" },
  "span-start": { name: "string?", thread: "string?", start: "number" },
  "span-end": { name: "string?", thread: "string?", start: "number", end: "number" },
  running: { thread: "string", start: "number", end: "number" },
  // Java runs: from t, that lane waited at this line of the reader's code.
  at: { thread: "string", t: "number", line: "integer" },
  limit: { kind: "string", message: "string" },
  // A challenge's checks, just before its exit: each {check, goal, passed, measured}.
  checked: { passed: "boolean", results: "array" },
  // cpuMs is missing from recordings made before it existed; replayed is the page's own mark.
  exit: { code: "integer", wallMs: "number", cpuMs: "number?", replayed: "string?" },
  // reason is optional so that a server without it still ends its runs here.
  error: { message: "string", reason: "string?" },
};

/** Every run event the page knows. Socket messages such as "pong" are not run events. */
export const EVENT_TYPES = Object.freeze(Object.keys(FIELDS));

/** Why a run ended with an "error" event: its `reason`. */
export const END_REASONS = Object.freeze([
  "cancelled",
  "busy",
  "compile-failed",
  "limit",
  "worker-lost",
  "shutting-down",
  "internal",
  "invalid",
  "unavailable",
]);

/** The two events that end a run; exactly one of them is a run's last. */
export function endsRun(event) {
  return Boolean(event) && (event.type === "exit" || event.type === "error");
}

function hasType(value, type) {
  if (type.endsWith("?")) return value === undefined || value === null || hasType(value, type.slice(0, -1));
  if (type === "string") return typeof value === "string";
  if (type === "boolean") return typeof value === "boolean";
  if (type === "array") return Array.isArray(value);
  if (type === "integer") return Number.isInteger(value);
  return typeof value === "number" && Number.isFinite(value);
}

/**
 * True for an event the page can use: a known type with its fields of the right types. `id` and
 * `seq` are checked only when present: the page makes some terminal events itself (a dropped
 * connection, a replay that could not load), and those have no sequence number.
 */
export function validEvent(event) {
  if (!event || typeof event !== "object" || !Object.hasOwn(FIELDS, event.type)) return false;
  if (!hasType(event.id, "string?")) return false;
  if (event.seq !== undefined && !(Number.isInteger(event.seq) && event.seq > 0)) return false;
  return Object.entries(FIELDS[event.type]).every(([name, type]) => hasType(event[name], type));
}

/**
 * The event to act on for one received: the event itself if it is valid, else null to ignore it,
 * except for a malformed last event. The connection has already let go of that run, so no other
 * event will come: it ends the run as an internal error rather than leave it running forever.
 */
export function usable(event) {
  if (validEvent(event)) return event;
  if (!endsRun(event)) return null;
  return { type: "error", reason: "internal", message: "The playground sent an answer this page cannot read." };
}

/** No run yet: the panel is hidden. */
export const IDLE = Object.freeze({
  phase: "idle",
  text: "",
  prefix: "",
  replaying: false,
  cancelRequested: false,
  position: null,
  started: false,
  limits: [],
  diagnostics: [],
  ended: false,
  ok: false,
  reason: null,
  exit: null,
});

/**
 * A run just asked for. `label` names the variant when comparing: the phase line then starts with
 * it, as in "Concurrent: Running", to say which of the variants is at that phase.
 */
export function start({ label = "", comparing = false, replaying = false } = {}) {
  const prefix = comparing ? `${label}: ` : "";
  return {
    ...IDLE,
    phase: "connecting",
    text: replaying ? "Loading the recorded run…" : `${prefix}Starting…`,
    prefix,
    replaying,
  };
}

/** The reader asked to stop the run; the server's answer ends it. */
export function cancelling(state) {
  if (state.ended) return { ...state, cancelRequested: true };
  return { ...state, cancelRequested: true, phase: "cancelling", text: "Cancelling…" };
}

/**
 * The run refused before it is sent, for source over the server's limit: the server would say
 * the same, and saying it here keeps a huge edit off the socket. The state is unchanged if the
 * source fits.
 */
export function checkSize(state, size, maxSource) {
  if (size <= maxSource) return state;
  const message =
    `The code is ${Math.ceil(size / 1024)} KiB; ` +
    `the most this playground compiles is ${Math.floor(maxSource / 1024)} KiB.`;
  return {
    ...state,
    phase: "failed",
    text: "Not run: the code is too large.",
    limits: [...state.limits, { kind: "source-size", message }],
    ended: true,
    ok: false,
    reason: "limit",
  };
}

/** Compiler errors, not warnings: these are what stopped the code from compiling. */
export function errorCount(diagnostics) {
  return diagnostics.filter((d) => d.severity !== "warning").length;
}

/** The state after one event. Events after the run ended change nothing. */
export function phase(state = IDLE, event) {
  if (state.ended) return state;
  const prefix = state.prefix;
  switch (event.type) {
    case "queued":
      return { ...state, phase: "queued", text: `${prefix}Queued: position ${event.position}`, position: event.position };
    case "compiling":
      return { ...state, phase: "compiling", text: `${prefix}Compiling…` };
    case "diagnostic":
      return { ...state, diagnostics: [...state.diagnostics, event] };
    case "started":
      // A cancel asked for before the program started keeps saying "Cancelling…".
      if (state.cancelRequested) return { ...state, started: true };
      return {
        ...state,
        started: true,
        phase: "running",
        text: state.replaying ? "Replaying a recorded run" : `${prefix}Running`,
      };
    case "limit":
      return { ...state, limits: [...state.limits, { kind: event.kind, message: event.message }] };
    case "checked":
      return { ...state, checked: event };
    case "exit":
      return exited(state, event);
    case "error":
      return failed(state, event);
    default:
      // stdout, stderr and spans go to the console and the timeline; the phase stays.
      return state;
  }
}

function exited(state, event) {
  const { prefix } = state;
  const limited = state.limits.length > 0;
  const took = `${Math.round(event.wallMs)} ms`;
  const cpu = typeof event.cpuMs === "number" && event.cpuMs > 0 ? ` · CPU ${Math.round(event.cpuMs)} ms` : "";
  let phase;
  let text;
  if (state.cancelRequested) {
    phase = "cancelled";
    text = `${prefix}Cancelled after ${seconds(event.wallMs, 1)}`;
  } else if (limited) {
    phase = "stopped";
    text = `${prefix}Stopped by a limit after ${took}`;
  } else if (event.replayed) {
    // Only a run that exited with 0 is recorded, so a replay never shows another code.
    phase = "finished";
    text = `Replayed a recorded run: ${took} · exit code 0 · recorded ${new Date(event.replayed).toLocaleString()}`;
  } else if (event.code === 0) {
    phase = "finished";
    text = `${prefix}Finished in ${took} · exit code 0${cpu}`;
  } else {
    phase = "failed";
    text = `${prefix}Finished in ${took} · exit code ${event.code}${cpu}`;
  }
  return {
    ...state,
    phase,
    text,
    ended: true,
    ok: event.code === 0 && !state.cancelRequested && !limited,
    reason: state.cancelRequested ? "cancelled" : limited ? "limit" : null,
    exit: { code: event.code, wallMs: event.wallMs, cpuMs: typeof event.cpuMs === "number" ? event.cpuMs : null },
  };
}

// What the phase line says for an error, by reason, where the page can say more than the
// server's message: the server is going away, and this page reconnects by itself.
const REASON_TEXT = {
  "shutting-down": "The playground is restarting, so the run was stopped. Run it again in a moment.",
};

// Said when an error comes without a message of its own (the wire always has one, but a page
// must not show an empty phase line).
const FALLBACK_TEXT = {
  busy: "The playground is busy. Please try again in a few seconds.",
  "worker-lost": "The process running the code was lost. Run it again.",
  unavailable: "This playground cannot run edited code.",
  invalid: "The playground could not read this request.",
};

function failed(state, event) {
  const { prefix } = state;
  const reason = typeof event.reason === "string" ? event.reason : null;
  const errors = errorCount(state.diagnostics);
  let phase;
  let text;
  if (state.cancelRequested || reason === "cancelled") {
    phase = "cancelled";
    text = `${prefix}Cancelled`;
  } else if (errors > 0) {
    phase = "failed";
    text = `${prefix}Did not compile: ${errors} error${errors === 1 ? "" : "s"}`;
  } else {
    // The server's message is written for people: show it, apart from the cases above.
    const said = REASON_TEXT[reason] || event.message || FALLBACK_TEXT[reason] || "The run failed.";
    phase = state.limits.length > 0 || reason === "limit" ? "stopped" : reason === "compile-failed" ? "failed" : "error";
    text = `${prefix}${said}`;
  }
  return {
    ...state,
    phase,
    text,
    ended: true,
    ok: false,
    reason: state.cancelRequested ? "cancelled" : reason,
  };
}

/**
 * The verdict on compared runs, each {label, wallMs}: null unless every variant ran and exited
 * well (a comparison with a failed run would compare nothing). `expected` is how many were asked.
 */
export function comparison(results, expected = results.length) {
  if (results.length < 2 || results.length !== expected || !results.every((r) => r.ok)) return null;
  const slowest = results.reduce((a, b) => (b.wallMs > a.wallMs ? b : a));
  const fastest = results.reduce((a, b) => (b.wallMs < a.wallMs ? b : a));
  const ratio = slowest.wallMs / Math.max(fastest.wallMs, 0.001);
  return {
    times: `${results.map((r) => seconds(r.wallMs, 2)).join(" vs ")}: `,
    verdict:
      ratio >= 1.05
        ? `${fastest.label} is ${ratio.toFixed(1)}× faster than ${slowest.label}.`
        : "about the same.",
    phase: "finished",
    text: `Compared ${results.length} variants`,
  };
}

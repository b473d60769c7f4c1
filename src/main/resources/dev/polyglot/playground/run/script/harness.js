"use strict";
/*
 * The JavaScript run harness: a pre-started `node` process that runs one learner program and
 * reports what it does, as the child protocol of docs/protocol.md §7 ("Python and JavaScript
 * workers"). Started as
 *
 *   node --max-old-space-size=<MB> harness.js demo-api.json        (cwd: a scratch directory)
 *
 *   load what programs commonly need, start the demo API on a worker thread ─ send ready
 *   read one job line {"type":"script","file","source"} from stdin
 *   syntax check ─ [diagnostic, compile-failed, exit 1]
 *   started ─ span-start main ─ the program, as `node main.js` would run it ─ lanes, output
 *   the event loop empties, or process.exit(n) ─ finished ─ exit with the program's code
 *
 * Exit codes: the program's own; 1 for an uncaught exception or a syntax error; 2 when stdin
 * closed before a job came; 70 when the harness itself failed (`crashed`) or lost the server.
 *
 * Lanes. The timeline shows one lane per async call chain that runs concurrently with its caller:
 *
 *   - `main` is the program's top level. It lasts until the program ends (the event loop empties
 *     or process.exit), because everything not given a lane of its own happens in it.
 *   - Calling a function of the program declared `async` starts an invocation. If its caller
 *     awaits it straight away (`await wait()`), or it is the only async function the top-level
 *     code calls and does not await (the usual `main();` at the end of a file), it stays in its
 *     caller's lane. Otherwise (started beside another invocation, as in `Promise.all([wait(),
 *     wait()])`, stored and awaited later, or started and left, as in a forgotten await) it gets a
 *     lane of its own, named after the function: `wait`, `wait #2`, `wait #3` in order of
 *     creation (`anonymous` for an unnamed async arrow). Its span lasts until its promise settles.
 *   - What a lane schedules (timers, I/O, promise callbacks) runs in that lane; what runs after
 *     the lane ended goes to the lane that started it. An async function that returns another
 *     call's promise (`return wait()`) is one chain with it.
 *   - Only async functions written in the program count: Node's own (fs/promises, fetch) run in
 *     their caller's lane, and a plain function returning a promise is not a chain of its own
 *     (`const wait = () => sleep(100)` waits in its caller's lane, however many run at once).
 *
 * How: async_hooks. An async function's call creates its implicit promise with that function as
 * the top frame of the stack; an `await` creates a throwaway promise whose trigger is the promise
 * awaited, again with the awaiting function on top. Reading two structured stack frames (who made
 * the promise, and its caller) at such promise creations tells invocations, their suspensions and
 * direct awaits apart from `new Promise`, `then` and Promise.all. Whether an invocation is awaited
 * directly is known only once its caller awaits or its synchronous run ends, so events are queued
 * until their lane is decided, with the time they happened. Timing uses the before/after hooks:
 * each callback's run is a `running` segment of the lane it belongs to, split where an invocation
 * starts or suspends.
 *
 * Output: process.stdout and process.stderr stay Node's streams, cut into lines as a terminal
 * would show them (one unfinished line per stream; a line belongs to the lane that ended it).
 *
 * The program sees none of this: its stack traces have no harness frames (it is started from a
 * microtask of Module.runMain, and Error.prepareStackTrace is Node's own behind a filter of this
 * file's frames), Error.stackTraceLimit is only changed for the instant of a capture, its own
 * async_hooks, process.exitCode and unhandled rejections behave as in plain Node, and the demo
 * API runs on an unref'd worker thread.
 */

const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const util = require("node:util");
const vm = require("node:vm");
const asyncHooks = require("node:async_hooks");
const childProcess = require("node:child_process");
const EventEmitter = require("node:events");
const Module = require("node:module");
const { Readable } = require("node:stream");
const { pathToFileURL } = require("node:url");
const { Worker, MessageChannel, receiveMessageOnPort } = require("node:worker_threads");

// Held here before the program runs: it may replace any of them.
const stringify = JSON.stringify;
const writeSync = fs.writeSync;
const perfNow = performance.now.bind(performance);
const cpuUsage = process.cpuUsage.bind(process);
const reallyExit = process.reallyExit;
const emit = process.emit;
const listenerCount = EventEmitter.prototype.listenerCount;
const captureStackTrace = Error.captureStackTrace;
const executionAsyncId = asyncHooks.executionAsyncId;
const executionAsyncResource = asyncHooks.executionAsyncResource;

/** Longest line sent as one event, in bytes; longer lines come in chunks of this size. */
const MAX_LINE = 8192;
/**
 * Queued events that wait for a lane decision before undecided invocations are settled early, in
 * their callers' lanes: a long synchronous run of nested calls (a deep recursion) is one chain.
 */
const QUEUE_CAP = 20000;
/** Segments of one lane closer than this (ms) are sent as one `running` event. */
const COALESCE_MS = 1;
/**
 * Stack captures (about 3 µs each) before lane tracking gives up on new lanes: a program that
 * awaits a million times in a loop should not run many times slower for its timeline. Past it,
 * new invocations run in the lane that calls them; lanes already made go on.
 */
const CAPTURE_BUDGET = 100000;

/** A cell to sleep on (Atomics.wait) where a synchronous retry needs a pause. */
const pauseCell = new Int32Array(new SharedArrayBuffer(4));

function exitNow(code) {
  reallyExit.call(process, code);
}

// ---------------------------------------------------------------------------------------------
// The protocol: one line of JSON per message, written synchronously to fd 1.

/** The job's id as the server wrote it: a 64-bit number, beyond what a double holds exactly. */
let jobId = "0";

/**
 * Lines wait here to go out in one write: a program that starts 10,000 lanes makes 30,000 events.
 * Output and the run's milestones go at once (with everything before them); spans and running
 * segments wait for the end of the callback that made them, 32 KiB, or 5 ms.
 */
const outgoing = [];
let outgoingSize = 0;
let outgoingSince = 0;
let holding = 0;
const URGENT = new Set([
  "stdout",
  "stderr",
  "ready",
  "started",
  "diagnostic",
  "compile-failed",
  "crashed",
]);

function send(type, fields) {
  let line = `{"job":${jobId},"type":"${type}"`;
  if (fields) {
    const json = stringify(fields);
    if (json.length > 2) line += "," + json.slice(1, -1);
  }
  line += "}\n";
  if (outgoing.length === 0) outgoingSince = perfNow();
  outgoing.push(line);
  outgoingSize += line.length;
  if (holding > 0) return;
  if (URGENT.has(type) || outgoingSize > 32768 || perfNow() - outgoingSince > 5) flushOutgoing();
}

function flushOutgoing() {
  if (outgoing.length === 0) return;
  const text = outgoing.length === 1 ? outgoing[0] : outgoing.join("");
  outgoing.length = 0;
  outgoingSize = 0;
  const bytes = Buffer.from(text, "utf8");
  let off = 0;
  while (off < bytes.length) {
    try {
      off += writeSync(1, bytes, off, bytes.length - off);
    } catch (e) {
      // Node makes a pipe non-blocking once process.stdout exists: wait for room.
      if (e && e.code === "EAGAIN") {
        Atomics.wait(pauseCell, 0, 0, 1);
        continue;
      }
      exitNow(70); // the server went away; nobody is left to tell
    }
  }
}

/** Milliseconds since `started`, to a hundredth, from a performance.now() reading. */
let origin = 0;
function stamp(raw) {
  return Math.round((raw - origin) * 100) / 100;
}

// ---------------------------------------------------------------------------------------------
// Lanes.

class Lane {
  constructor(name, start, parent) {
    this.name = name;
    this.label = name; // `wait #2`: given when its span-start is sent, in order of creation
    this.start = start; // performance.now() reading
    this.parent = parent; // the target that started it: where its stragglers go
    this.ended = false;
    this.seg = null; // the running segment not sent yet: it may still grow
  }
}

const PENDING = 0;
const INLINE = 1; // part of its caller's lane
const OWN = 2; // a lane of its own

/** One call of one of the program's async functions, from its implicit promise's creation. */
class Invocation {
  constructor(id, name, start, parent) {
    this.id = id; // async id of its implicit promise
    this.name = name; // the function's name as stack frames give it (null: anonymous)
    this.start = start;
    this.parent = parent; // the target of the code that called it
    this.state = PENDING;
    this.lane = null;
    this.entry = null; // its entry on the stack while its code runs
  }
}

/**
 * What ran, as a stack of entries for the current synchronous execution. A context entry is one
 * callback the hooks announced (before/after), running for a target: a Lane, or an Invocation
 * whose lane may not be decided yet. An invocation entry is the body of an async function while
 * it runs, from its call or resumption to its next await or its end. Each entry keeps the
 * invocations it started that are not decided yet (`kids`).
 */
const stack = [];
let bodies = 0; // invocation entries on the stack
const mainLane = new Lane("main", 0, null);
mainLane.label = "main";
const lanes = [];
const labels = new Map([["main", 1]]);
/** Invocations not decided yet; all of them are decided when a synchronous run ends. */
let undecided = [];
/** Invocations by promise id until their promise settles. */
const live = new Map();
/**
 * What each async resource belongs to: a target, or {resume: invocation} for an await. Derived
 * promises (an await's, a then's) are by far the most numerous and run their callback once: they
 * are kept by async id until it runs. Other resources (timers, sockets, ...) by the object.
 */
const promiseTargets = new Map();
const targets = new WeakMap();
/** The microtask that runs the program's top level. */
let topLevel = null;
let awaitingTopLevel = false;
let tracking = false;

function top() {
  return stack.length === 0 ? undefined : stack[stack.length - 1];
}

function currentTarget() {
  const entry = top();
  return entry === undefined || !tracking ? mainLane : entry.target;
}

function pushEntry(entry) {
  stack.push(entry);
  if (entry.body !== null) {
    bodies++;
    entry.body.entry = entry;
  }
  if (entry.target !== runTarget || runStopped >= 0) switchRunning(entry.target);
}

const SUSPENDED = 0; // the body awaits
const COMPLETED = 1; // its promise settled as it returned or threw
const VANISHED = 2; // it returned a promise or thenable (no settle yet), noticed later

function popEntry(how) {
  const entry = stack.pop();
  if (entry.body !== null) {
    bodies--;
    entry.body.entry = null;
    // A body that returned while exactly one invocation it started was pending most likely
    // returned that invocation's promise (`return wait()`): that is awaiting it.
    const returned = how === VANISHED && entry.kids.length === 1;
    decideKids(entry, returned ? INLINE : OWN);
  } else {
    // The top-level code cannot await; the one async function it starts and leaves (`main()`) is
    // the program's main flow, so it stays in lane main.
    const adopted = entry.top && entry.made === 1 && entry.kids.length === 1;
    decideKids(entry, adopted ? INLINE : OWN);
  }
  const next = top();
  const target = next === undefined ? null : next.target;
  if (target !== runTarget || runStopped >= 0) switchRunning(target);
}

/** Shared by entries that started no invocation yet, which are most. */
const NO_KIDS = Object.freeze([]);

function decideKids(entry, how) {
  const kids = entry.kids;
  if (kids.length === 0) return;
  entry.kids = NO_KIDS;
  for (const kid of kids) decide(kid, how);
}

function decide(invocation, how) {
  if (invocation.state !== PENDING) return;
  invocation.state = how;
  if (how === OWN) {
    invocation.lane = new Lane(invocation.name || "anonymous", invocation.start, invocation.parent);
  }
}

/**
 * The lane a target's events go to now, or undefined while it is not decided. A lane that has
 * ended passes what comes later on to the lane that started it; such chains can be long (a
 * recursion of async functions), so they are walked in a loop and shortened as they are walked.
 */
function laneOf(target) {
  let t = target;
  let inlined = null; // invocations passed through: part of the chain of what they point to
  let ended = null; // lanes passed through: over, their later events go on up
  for (;;) {
    if (t === null || t === undefined) t = mainLane;
    let lane;
    if (t instanceof Lane) {
      lane = t;
    } else if (t.state === INLINE) {
      (inlined ??= []).push(t);
      t = t.parent;
      continue;
    } else {
      if (inlined !== null) for (const inv of inlined) inv.parent = t;
      inlined = null;
      if (t.state === PENDING) return undefined;
      lane = t.lane;
    }
    if (inlined !== null) for (const inv of inlined) inv.parent = lane;
    inlined = null;
    if (!lane.ended) {
      if (ended !== null) for (const over of ended) over.parent = lane;
      return lane;
    }
    (ended ??= []).push(lane);
    t = lane.parent;
  }
}

// --- What is running: one segment at a time, for the innermost entry's target. A target that
// runs again less than COALESCE_MS after it stopped continues its segment: a burst of microtasks
// is one segment and no events.

let runTarget = null;
let runStart = 0;
let runStopped = -1; // when the current segment's target stopped running; -1 while it runs

function switchRunning(target, now = perfNow()) {
  if (target === runTarget) {
    if (runStopped >= 0) {
      if (now - runStopped >= COALESCE_MS) {
        closeSegment(runStopped);
        runStart = now;
      }
      runStopped = -1;
    }
    return;
  }
  if (target === null) {
    if (runStopped < 0) runStopped = now;
    return;
  }
  if (runTarget !== null) closeSegment(runStopped >= 0 ? runStopped : now);
  runTarget = target;
  runStart = now;
  runStopped = -1;
}

function closeSegment(end) {
  if (end > runStart) enqueue({ kind: RUN, target: runTarget, s: runStart, e: end });
}

/** Ends the current segment here: what ran so far is sent, what runs next starts a new one. */
function cutRunning() {
  if (runTarget === null) return;
  const now = perfNow();
  if (runStopped >= 0) {
    closeSegment(runStopped);
    runTarget = null;
    runStopped = -1;
  } else {
    closeSegment(now);
    runStart = now;
  }
}

/** Ends the segment of a target that has not run for COALESCE_MS. */
function closeIdleSegment(now) {
  if (runTarget !== null && runStopped >= 0 && now - runStopped >= COALESCE_MS) {
    closeSegment(runStopped);
    runTarget = null;
    runStopped = -1;
  }
}

// --- Events wait in order until their lane is known.

const OUT = 0;
const RUN = 1;
const START = 2;
const END = 3;
let queue = [];
let head = 0;

function enqueue(event) {
  if (broken) repair();
  queue.push(event);
  if (queue.length - head > QUEUE_CAP) settleEarly();
  flushQueue();
}

function flushQueue() {
  holding++;
  let urgent = false;
  try {
    while (head < queue.length) {
      const ev = queue[head];
      if (!deliver(ev)) break;
      if (ev.kind === OUT) urgent = true;
      queue[head++] = undefined;
    }
    if (head === queue.length) {
      queue = [];
      head = 0;
    } else if (head > 4096 && head * 2 > queue.length) {
      queue = queue.slice(head);
      head = 0;
    }
  } finally {
    holding--;
  }
  if (holding === 0 && (urgent || outgoingSize > 32768 || perfNow() - outgoingSince > 5)) {
    flushOutgoing();
  }
}

/** Sends one queued event; false when its lane is not decided yet. */
function deliver(ev) {
  switch (ev.kind) {
    case OUT: {
      const lane = laneOf(ev.target);
      if (lane === undefined) return false;
      send(ev.type, { text: ev.text, t: stamp(ev.t), thread: lane.label });
      return true;
    }
    case RUN: {
      const lane = laneOf(ev.target);
      if (lane === undefined) return false;
      addSegment(lane, ev.s, ev.e);
      return true;
    }
    case START: {
      const inv = ev.invocation;
      if (inv.state === PENDING) return false;
      if (inv.state === OWN) {
        const lane = inv.lane;
        const n = (labels.get(lane.name) || 0) + 1;
        labels.set(lane.name, n);
        lane.label = n === 1 ? lane.name : `${lane.name} #${n}`;
        lanes.push(lane);
        send("span-start", { name: lane.label, thread: lane.label, start: stamp(lane.start) });
      }
      return true;
    }
    case END: {
      const inv = ev.invocation;
      if (inv.state === PENDING) return false;
      if (inv.state === OWN) endLane(inv.lane, ev.t);
      return true;
    }
  }
  return true;
}

function endLane(lane, at) {
  if (lane.ended) return;
  if (lane.seg !== null) sendSegment(lane);
  lane.ended = true;
  const end = Math.max(stamp(at), stamp(lane.start));
  send("span-end", { name: lane.label, thread: lane.label, start: stamp(lane.start), end });
}

// --- Running segments: one lane's segments less than COALESCE_MS apart are sent as one, once the
// next is further away, the lane has been idle that long when something else happens, or it ends.

let idle = []; // [lane, end] in order of end; stale entries are skipped
let idleHead = 0;

function addSegment(lane, s, e) {
  const seg = lane.seg;
  if (seg !== null && s - seg.e < COALESCE_MS) {
    if (e > seg.e) seg.e = e;
  } else {
    if (seg !== null) sendSegment(lane);
    lane.seg = { s, e };
  }
  idle.push(lane, lane.seg.e);
}

function sendSegment(lane) {
  const seg = lane.seg;
  lane.seg = null;
  send("running", { thread: lane.label, start: stamp(seg.s), end: stamp(seg.e) });
}

function flushIdle(now) {
  closeIdleSegment(now);
  while (idleHead < idle.length) {
    const lane = idle[idleHead];
    const end = idle[idleHead + 1];
    if (lane.seg !== null && lane.seg.e === end) {
      if (now - end < COALESCE_MS) break;
      sendSegment(lane);
    }
    idleHead += 2;
  }
  if (idleHead === idle.length) {
    idle = [];
    idleHead = 0;
  } else if (idleHead > 8192) {
    idle = idle.slice(idleHead);
    idleHead = 0;
  }
}

/** Decides every invocation still pending, at the end of a synchronous run. */
function settleAll() {
  for (const entry of stack) {
    if (entry.kids.length === 0) continue;
    const adopted = entry.body === null && entry.top && entry.made === 1 && entry.kids.length === 1;
    decideKids(entry, adopted ? INLINE : OWN);
  }
  const list = undecided;
  undecided = [];
  for (const inv of list) decide(inv, OWN);
}

/** Decides every invocation still pending as part of its caller's chain, before its time. */
function settleEarly() {
  const list = undecided;
  undecided = [];
  for (const inv of list) decide(inv, INLINE);
  for (const entry of stack) entry.kids = NO_KIDS;
}

// --- The hooks.

/**
 * Reads who created a promise: the top frame if it is in the program's file (its function's name,
 * and whether it is the file's top level), and the frame under it, its caller.
 */
const structured = (_, callSites) => callSites;
let captures = 0;
let programFiles = new Set();
const NOT_PROGRAM = { name: null, program: false, topLevel: false, caller: null };

function creator() {
  const savedPrepare = Error.prepareStackTrace;
  const savedLimit = Error.stackTraceLimit;
  let sites;
  try {
    Error.prepareStackTrace = structured;
    Error.stackTraceLimit = 5; // three frames of Node's promise hook, who made it, its caller
    const holder = {};
    captureStackTrace(holder, onInit);
    sites = holder.stack;
  } catch {
    sites = null;
  } finally {
    try {
      Error.prepareStackTrace = savedPrepare;
      Error.stackTraceLimit = savedLimit;
    } catch {
      // a program that froze them keeps them
    }
  }
  if (!Array.isArray(sites)) return NOT_PROGRAM;
  for (let i = 0; i < sites.length; i++) {
    const site = sites[i];
    const file = site.getFileName();
    const hookFrame = typeof file === "string" && file.startsWith("node:internal/async_hooks");
    if (hookFrame) continue;
    if (!programFiles.has(file)) return NOT_PROGRAM;
    const name = site.getFunctionName();
    const next = sites[i + 1];
    const caller =
      next !== undefined && programFiles.has(next.getFileName())
        ? { name: next.getFunctionName(), topLevel: isTopLevel(next) }
        : null;
    return { name, program: true, topLevel: isTopLevel(site), caller };
  }
  return NOT_PROGRAM;
}

/**
 * The file's top level: a CommonJS module's wrapper, or an ES module's body (which runs as an
 * async function too, and is lane main, not an invocation). Both have no name and start at the
 * very beginning of the file.
 */
function isTopLevel(site) {
  return (
    site.getFunctionName() === null &&
    typeof site.getEnclosingLineNumber === "function" &&
    site.getEnclosingLineNumber() === 1 &&
    site.getEnclosingColumnNumber() === 1
  );
}

function onInit(id, type, trigger, resource) {
  if (!tracking) return;
  try {
    if (type === "PROMISE") {
      promiseCreated(id, trigger, resource);
    } else if (awaitingTopLevel && type === "Microtask") {
      awaitingTopLevel = false;
      topLevel = resource;
      targets.set(resource, mainLane);
    } else {
      targets.set(resource, currentTarget());
    }
  } catch {
    broke();
  }
}

function promiseCreated(id, trigger, promise) {
  const entry = top();
  // No parent promise: a call of an async function, new Promise, Promise.all's result... Their
  // own callbacks never run (only those of promises derived from them), except for the job that
  // adopts a returned thenable.
  const fresh = trigger === executionAsyncId();
  // Only a fresh promise can be an invocation, and only a derived one made while a body runs or
  // while invocations wait for a decision can be an await that matters.
  if (
    captures >= CAPTURE_BUDGET ||
    (!fresh && bodies === 0 && (entry === undefined || entry.kids.length === 0))
  ) {
    if (!fresh) promiseTargets.set(id, currentTarget());
    return;
  }
  captures++;
  const made = creator();
  if (!made.program || (fresh && made.topLevel)) {
    if (!fresh) promiseTargets.set(id, currentTarget());
    return;
  }
  if (fresh) {
    invoked(id, made, promise);
  } else if (made.topLevel) {
    // An ES module's top level awaits: no body runs now.
    returnedBefore(TOP_LEVEL);
    awaitedBy(top(), trigger);
    promiseTargets.set(id, currentTarget());
  } else {
    awaited(id, trigger, made.name);
  }
}

const TOP_LEVEL = { name: null, topLevel: true };

/**
 * Pops the bodies that returned a promise (no settle to see yet): those above the caller of
 * what is being created now, when the caller is a running body or the top level.
 */
function returnedBefore(caller) {
  if (caller === null || bodies === 0) return;
  const last = stack[stack.length - 1];
  if (last.body === null || (!caller.topLevel && last.body.name === caller.name)) return;
  let at = stack.length;
  while (at > 0 && stack[at - 1].body !== null) at--; // the bodies of this synchronous run
  if (!caller.topLevel) {
    let i = stack.length - 1;
    while (i >= at && stack[i].body.name !== caller.name) i--;
    if (i < at) return; // called from a plain function: nothing to learn
    at = i + 1;
  }
  while (stack.length > at) popEntry(VANISHED);
}

function invoked(id, made, promise) {
  returnedBefore(made.caller);
  const entry = top();
  // An ES module's top level runs in a callback of the module loader: that one is top-level too.
  if (made.caller !== null && made.caller.topLevel && entry !== undefined && entry.body === null) {
    entry.top = true;
  }
  const parent = entry === undefined ? mainLane : entry.target;
  const inv = new Invocation(id, made.name, perfNow(), parent);
  live.set(id, inv);
  targets.set(promise, parent);
  if (entry === undefined) {
    decide(inv, OWN); // no callback around it: nothing will await it in this run
  } else {
    entry.made++;
    // One started before and not awaited yet runs beside this one.
    decideKids(entry, OWN);
    entry.kids = [inv];
    undecided.push(inv);
  }
  enqueue({ kind: START, invocation: inv });
  pushEntry({ body: inv, target: inv, kids: NO_KIDS, made: 0, hook: -1, top: false });
}

function awaited(id, trigger, name) {
  // The awaiting body is the innermost running one with that function's name; bodies above it
  // returned a promise of their own without a settle we could see.
  let at = -1;
  for (let i = stack.length - 1; i >= 0 && stack[i].body !== null; i--) {
    if (stack[i].body.name === name) {
      at = i;
      break;
    }
  }
  if (at < 0) {
    // An await in code we do not follow (an async generator's): it decides what the current
    // entry started, and its continuation stays where it is.
    awaitedBy(top(), trigger);
    promiseTargets.set(id, currentTarget());
    return;
  }
  while (stack.length - 1 > at) popEntry(VANISHED);
  const body = stack[at];
  if (trigger === body.body.id) {
    // `await value` first wraps a non-promise in a promise whose parent is the body's own.
    promiseTargets.set(id, body.target);
    return;
  }
  awaitedBy(body, trigger);
  promiseTargets.set(id, { resume: body.body });
  popEntry(SUSPENDED);
}

/** The entry's code awaits `trigger`: its one pending invocation, or something else. */
function awaitedBy(entry, trigger) {
  if (entry === undefined) return;
  const kids = entry.kids;
  if (kids.length === 0) return;
  decideKids(entry, kids.length === 1 && kids[0].id === trigger ? INLINE : OWN);
}

function onBefore(id) {
  if (!tracking) return;
  try {
    let info = promiseTargets.get(id);
    let isTop = false;
    if (info !== undefined) {
      promiseTargets.delete(id);
    } else {
      const resource = executionAsyncResource();
      info = targets.get(resource);
      isTop = resource === topLevel;
    }
    const resume = info !== undefined && info !== null && !(info instanceof Lane) && info.resume;
    const target = resume ? resume : info === undefined ? null : info;
    const now = perfNow();
    flushIdle(now);
    stack.push({ body: null, target, kids: NO_KIDS, made: 0, hook: id, top: isTop });
    switchRunning(target, now);
    if (resume) {
      pushEntry({ body: resume, target: resume, kids: NO_KIDS, made: 0, hook: -1, top: false });
    }
  } catch {
    broke();
  }
}

function onAfter(id) {
  if (!tracking) return;
  try {
    let found = false;
    for (let i = stack.length - 1; i >= 0; i--) {
      if (stack[i].hook === id) {
        found = true;
        break;
      }
    }
    if (!found) return;
    for (;;) {
      const entry = top();
      popEntry(VANISHED);
      if (entry.hook === id) break;
    }
    if (stack.length === 0) {
      settleAll();
      flushQueue();
      flushIdle(perfNow());
      flushOutgoing();
    }
  } catch {
    broke();
  }
}

function onSettled(id) {
  if (!tracking) return;
  try {
    const inv = live.get(id);
    if (inv === undefined) return;
    live.delete(id);
    const entry = inv.entry;
    if (entry !== null) {
      // It returned or threw: pop it, with anything above it that is gone too.
      while (top() !== entry) popEntry(VANISHED);
      popEntry(COMPLETED);
    }
    cutRunning(); // what ran up to here belongs to the lane that ends now
    enqueue({ kind: END, invocation: inv, t: perfNow() });
  } catch {
    broke();
  }
}

const hooks = asyncHooks.createHook({
  init: onInit,
  before: onBefore,
  after: onAfter,
  promiseResolve: onSettled,
});

/**
 * A fault of ours must not end the program (an exception out of a hook is fatal in Node): lane
 * tracking stops, and output goes on in lane main. The likeliest fault is the program's own stack
 * overflow reaching into a hook, so nothing here may call deeper: the rest waits for repair().
 */
function broke() {
  tracking = false;
  broken = true;
}
let broken = false;

/**
 * After broke(), from a shallower stack, and at the end: what was not decided stays in the lane
 * that started it, and nothing is running any more.
 */
function repair(how = INLINE) {
  broken = false;
  hooks.disable();
  stack.length = 0;
  bodies = 0;
  runTarget = null;
  runStopped = -1;
  for (const inv of undecided) decide(inv, how);
  undecided = [];
  for (let i = head; i < queue.length; i++) {
    const ev = queue[i];
    if ((ev.kind === START || ev.kind === END) && ev.invocation.state === PENDING) {
      decide(ev.invocation, how);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The program's output: process.stdout and process.stderr, cut into lines.

class Lines {
  constructor(type) {
    this.type = type;
    this.parts = [];
    this.size = 0;
  }
}
const stdoutLines = new Lines("stdout");
const stderrLines = new Lines("stderr");

function take(lines, chunk, encoding) {
  let bytes = chunk;
  if (typeof chunk === "string") {
    bytes = Buffer.from(chunk, Buffer.isEncoding(encoding) ? encoding : "utf8");
  } else if (!Buffer.isBuffer(chunk)) {
    if (!ArrayBuffer.isView(chunk)) return;
    bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  }
  let from = 0;
  for (;;) {
    const nl = bytes.indexOf(10, from);
    if (nl < 0) break;
    append(lines, bytes.subarray(from, nl));
    endLine(lines, true);
    from = nl + 1;
  }
  if (from < bytes.length) append(lines, Buffer.from(bytes.subarray(from)));
}

function append(lines, bytes) {
  if (bytes.length === 0) return;
  lines.parts.push(bytes);
  lines.size += bytes.length;
  while (lines.size > MAX_LINE) {
    const all = Buffer.concat(lines.parts, lines.size);
    let cut = MAX_LINE;
    // Not inside a UTF-8 sequence: back up to its first byte.
    while (cut > MAX_LINE - 4 && (all[cut] & 0xc0) === 0x80) cut--;
    if ((all[cut] & 0xc0) === 0x80) cut = MAX_LINE;
    lines.parts = [all.subarray(0, cut)];
    lines.size = cut;
    endLine(lines, false);
    lines.parts = [all.subarray(cut)];
    lines.size = all.length - cut;
  }
}

function endLine(lines, complete) {
  const bytes = lines.parts.length === 1 ? lines.parts[0] : Buffer.concat(lines.parts, lines.size);
  lines.parts = [];
  lines.size = 0;
  let end = bytes.length;
  if (complete && end > 0 && bytes[end - 1] === 13) end--;
  // Invalid UTF-8 becomes U+FFFD.
  const text = bytes.toString("utf8", 0, end);
  enqueue({ kind: OUT, type: lines.type, text, t: perfNow(), target: currentTarget() });
}

function drainLines() {
  if (stdoutLines.size > 0) endLine(stdoutLines, false);
  if (stderrLines.size > 0) endLine(stderrLines, false);
}

/**
 * The streams stay Node's own (a net.Socket for a pipe, with all its API); only the step that
 * would write to the file descriptor is ours, and it finishes each write at once.
 */
function capture(stream, lines) {
  stream._write = (chunk, encoding, callback) => {
    take(lines, chunk, encoding);
    callback();
  };
  stream._writev = (chunks, callback) => {
    for (const { chunk, encoding } of chunks) take(lines, chunk, encoding);
    callback();
  };
  stream._final = (callback) => callback(); // end() must not close our protocol's pipe
}

// ---------------------------------------------------------------------------------------------
// The end of the run.

let started = false;
let finishedSent = false;
let cpuStart = null;
let fatal = null;
let programFile = null;
let programDir = null;

/** Sends the end of every lane and `finished`: once, from process 'exit' or process.reallyExit. */
function finish() {
  if (finishedSent || !started) return;
  finishedSent = true;
  holding++;
  try {
    if (fatal !== null) take(stderrLines, fatalMessage(fatal.error, fatal.origin) + "\n");
    drainLines();
    const end = perfNow();
    switchRunning(null);
    cutRunning();
    tracking = false;
    settleAll(); // as at the end of a synchronous run
    repair(OWN);
    flushQueue();
    for (const lane of lanes) endLane(lane, end);
    if (mainLane.seg !== null) sendSegment(mainLane);
    send("span-end", { name: "main", thread: "main", start: 0, end: stamp(end) });
    const cpu = cpuUsage(cpuStart);
    send("finished", {
      wallMs: stamp(end),
      cpuMs: Math.round((cpu.user + cpu.system) / 10) / 100,
    });
  } finally {
    holding--;
    flushOutgoing();
    removeProgramFile();
  }
}

function removeProgramFile() {
  try {
    if (programFile !== null) fs.unlinkSync(programFile);
    if (programDir !== null) fs.rmdirSync(programDir);
  } catch {
    // the sandbox's /tmp goes with it anyway
  }
}

/**
 * Node's report of an uncaught exception, as it would print it: where it was thrown (the source
 * line and a caret), util.inspect of the error, and Node's version.
 */
function fatalMessage(error, origin) {
  const body = util.inspect(error);
  const footer = `\n\nNode.js ${process.version}`;
  if (util.types.isNativeError(error) || error instanceof Error) {
    const arrow = arrowFor(error, origin);
    return (arrow === null ? "" : arrow + "\n") + body + footer;
  }
  const primitive = error === null || (typeof error !== "object" && typeof error !== "function");
  const hint = primitive
    ? "\n(Use `node --trace-uncaught ...` to show where the exception was thrown)"
    : "";
  return "\n" + body + hint + footer;
}

function arrowFor(error, origin) {
  let stackText;
  try {
    stackText = String(error.stack);
  } catch {
    return null;
  }
  const frame = /^\s+at (?:.*? \()?(.+?):(\d+):(\d+)\)?$/m.exec(stackText);
  if (frame === null) return null;
  const [, file, lineText, columnText] = frame;
  const line = Number(lineText);
  const column = Number(columnText);
  if (error.code === "ERR_UNHANDLED_REJECTION" && file.startsWith("node:internal/")) {
    const pad = " ".repeat(column - 1);
    return `${file}:${line}\n${pad}new UnhandledPromiseRejection(reason);\n${pad}^\n`;
  }
  if (!programFiles.has(file) || programSource === null) return null;
  const source = programSource.split(/\r?\n/)[line - 1];
  if (source === undefined) return null;
  let at = column - 1;
  if (origin === "uncaughtException") {
    // Node points at the throw statement, the stack at where the error was made.
    const before = source.lastIndexOf("throw", at);
    const after = source.indexOf("throw", at);
    if (before >= 0) at = before;
    else if (after >= 0) at = after;
  }
  const pad = source.slice(0, at).replace(/[^\t]/g, " ");
  return `${file}:${line}\n${source}\n${pad}^\n`;
}

/**
 * Node's default Error.prepareStackTrace, minus frames of this file: the emit wrapper below is on
 * the stack under every process event listener. A program that sets its own gets every frame.
 */
function hideHarnessFrames() {
  const prepare = Error.prepareStackTrace;
  if (typeof prepare !== "function") return;
  const own = (site) => site.getFileName() === __filename;
  // A method's name, as Node's own has, and no `prototype`.
  Error.prepareStackTrace = {
    ErrorPrepareStackTrace(error, trace) {
      const frames = trace.some(own) ? trace.filter((site) => !own(site)) : trace;
      return Reflect.apply(prepare, this, [error, frames]);
    },
  }.ErrorPrepareStackTrace;
}

function installExit() {
  // The last listener of 'exit' must see the program's own listeners run first, so `emit` itself
  // is wrapped rather than a listener added.
  process.emit = {
    emit(type, ...args) {
      if (
        type === "uncaughtException" &&
        fatal === null &&
        Reflect.apply(listenerCount, process, ["uncaughtException"]) === 0
      ) {
        // Unhandled: Node emits 'exit' next, then prints the error on fd 2 itself, in C++. Ours
        // goes out through the protocol after the 'exit' listeners, and we exit before Node does.
        fatal = { error: args[0], origin: args[1] };
        if (process._exiting) {
          // Thrown by an 'exit' listener: there is no second 'exit'.
          finish();
          exitNow(1);
        }
        return false;
      }
      const result = Reflect.apply(emit, this, [type, ...args]);
      if (type === "exit") {
        finish();
        if (fatal !== null) exitNow(1);
      }
      return result;
    },
  }.emit;
  // process.exit() from inside an 'exit' listener goes straight here.
  process.reallyExit = {
    reallyExit(code) {
      finish();
      Reflect.apply(reallyExit, process, [code]);
    },
  }.reallyExit;
}

// ---------------------------------------------------------------------------------------------
// The demo API, on a worker thread: it answers while the program blocks its own event loop, and
// none of its work is the program's. The same worker checks module syntax on request.

function demoApiWorker() {
  const { workerData } = require("node:worker_threads");
  const http = require("node:http");
  const vm = require("node:vm");
  const { config, cell, port } = workerData;
  const USER = /^\/api\/users\/(\d+)(\/posts)?\/?$/;
  const users = config.users;
  const titles = config.postTitles;
  const fallback = config.delayMs.default;
  const most = config.delayMs.max;

  const userJson = (u) => JSON.stringify({ id: u.id, name: u.name, email: u.email });

  function delay(query) {
    if (query === null) return fallback;
    for (const part of query.split("&")) {
      if (!part.startsWith("delay=")) continue;
      const text = part.slice(6);
      if (!/^[+-]?\d{1,18}$/.test(text)) return fallback;
      return Math.min(Math.max(Number(text), 0), most);
    }
    return fallback;
  }

  function answer(res, status, body) {
    res.writeHead(status, {
      "Content-Type": "application/json",
      "Content-Length": Buffer.byteLength(body),
    });
    res.end(body);
  }

  function route(pathname) {
    let p = pathname;
    try {
      p = decodeURIComponent(pathname);
    } catch {
      // left as it came
    }
    if (p === "/api/users" || p === "/api/users/") {
      return [200, "[" + users.map(userJson).join(",") + "]"];
    }
    const m = USER.exec(p);
    const user = m && users.find((u) => String(u.id) === m[1]);
    if (user) {
      if (!m[2]) return [200, userJson(user)];
      const posts = titles.slice(0, 2).map((title, i) => ({
        id: user.id * 10 + i + 1,
        userId: user.id,
        title,
      }));
      return [200, JSON.stringify(posts)];
    }
    return [404, '{"error":"not found"}'];
  }

  const server = http.createServer((req, res) => {
    const url = req.url || "/";
    const q = url.indexOf("?");
    const pathname = q < 0 ? url : url.slice(0, q);
    const [status, body] = route(pathname);
    setTimeout(() => answer(res, status, body), delay(q < 0 ? null : url.slice(q + 1)));
  });
  const signal = (value) => {
    Atomics.store(cell, 0, value);
    Atomics.notify(cell, 0);
  };
  // Outside a sandbox the server itself serves this port on the host's loopback: use that one.
  server.on("error", () => signal(2));
  server.listen(config.port, "127.0.0.1", () => signal(1));

  port.on("message", (source) => {
    let result = null;
    try {
      if (typeof vm.SourceTextModule === "function") {
        new vm.SourceTextModule(source, { identifier: "file:///main.js" });
        result = { ok: true };
      }
    } catch (e) {
      result = e instanceof SyntaxError ? { ok: false, message: e.message } : { ok: true };
    }
    port.postMessage(result);
    Atomics.store(cell, 1, 1);
    Atomics.notify(cell, 1);
  });
}

function startDemoApi(configFile) {
  const config = JSON.parse(fs.readFileSync(configFile, "utf8"));
  const cell = new Int32Array(new SharedArrayBuffer(8));
  const { port1, port2 } = new MessageChannel();
  const options = {
    eval: true,
    workerData: { config, cell, port: port2 },
    transferList: [port2],
    stdout: true, // its output, if any, is not the program's
    stderr: true,
  };
  let worker;
  try {
    // The flag gives the worker vm.SourceTextModule, to check ES module syntax.
    worker = new Worker(`(${demoApiWorker})()`, {
      ...options,
      execArgv: ["--experimental-vm-modules", "--no-warnings"],
    });
  } catch {
    worker = new Worker(`(${demoApiWorker})()`, options);
  }
  const demo = { worker, cell, port: port1, online: null, gone: false };
  worker.on("error", () => {}); // a demo API that failed must not end the program
  worker.on("exit", () => (demo.gone = true));
  // Referenced until it is online, so that the event loop waits for it; then it never keeps the
  // program's process alive.
  const online = new Promise((resolve) => {
    worker.once("online", resolve);
    worker.once("exit", resolve);
    worker.once("error", resolve);
  }).then(() => {
    worker.unref();
    port1.unref();
  });
  demo.online = online;
  return demo;
}

/** Checks ES module syntax on the worker: {ok, message}, or null when it cannot say. */
function checkModuleOnWorker(demo, source) {
  if (demo === null || demo.gone) return null;
  Atomics.store(demo.cell, 1, 0);
  demo.port.postMessage(source);
  if (Atomics.wait(demo.cell, 1, 0, 5000) === "timed-out") return null;
  const reply = receiveMessageOnPort(demo.port);
  return reply === undefined ? null : reply.message;
}

// ---------------------------------------------------------------------------------------------
// The syntax check, before `started`: Node's own rules for a .js file with no package.json.

const CJS_PARAMETERS = ["exports", "require", "module", "__filename", "__dirname"];
// As Node 20.19+ decides whether a file that fails as CommonJS is retried as an ES module.
const MODULE_SYNTAX = new Set([
  "Cannot use import statement outside a module",
  "Unexpected token 'export'",
  "Cannot use 'import.meta' outside a module",
]);
const ONLY_IN_COMMONJS = new Set([
  "Identifier 'module' has already been declared",
  "Identifier 'exports' has already been declared",
  "Identifier 'require' has already been declared",
  "Identifier '__filename' has already been declared",
  "Identifier '__dirname' has already been declared",
  "await is only valid in async functions and the top level bodies of modules",
]);

let programSource = null;

/** null when the program may run, else {line, column, message} of its first syntax error. */
function syntaxError(source, file, demo) {
  const ext = path.extname(file);
  if (ext === ".mjs") return moduleSyntaxError(source, file, demo);
  try {
    vm.compileFunction(source, CJS_PARAMETERS, { filename: file });
    return null;
  } catch (e) {
    if (!(e instanceof SyntaxError)) return null; // Node will say it when it runs
    if (ext !== ".cjs" && retriesAsModule(e.message, source)) {
      return moduleSyntaxError(source, file, demo);
    }
    return located(e, file, 0);
  }
}

function retriesAsModule(message, source) {
  if (MODULE_SYNTAX.has(message)) return true;
  if (!ONLY_IN_COMMONJS.has(message)) return false;
  try {
    new vm.Script(`(async function () {\n${source}\n})`);
    return true;
  } catch {
    return false;
  }
}

function moduleSyntaxError(source, file, demo) {
  const verdict = checkModuleOnWorker(demo, source);
  if (verdict === null || verdict.ok) return null;
  // The module check has no position. A module body parses like a strict async function body,
  // except for import and export; where that gives the same error, it gives its place too.
  try {
    new vm.Script(`(async function () {"use strict";\n${source}\n})`, {
      filename: file,
      lineOffset: -1,
    });
  } catch (e) {
    if (e instanceof SyntaxError && e.message === verdict.message) return located(e, file, 0);
  }
  return checkedByNode(source, verdict.message);
}

/** `node --input-type=module --check` prints the position; only for modules that do not parse. */
function checkedByNode(source, message) {
  try {
    const result = childProcess.spawnSync(process.execPath, ["--input-type=module", "--check"], {
      input: source,
      encoding: "utf8",
      timeout: 10000,
      env: {},
    });
    const m = /^\[stdin\]:(\d+)\n([^\n]*)\n([^\n]*)\n/.exec(result.stderr || "");
    if (m !== null) {
      return { line: Number(m[1]), column: Math.max(1, m[3].indexOf("^") + 1), message };
    }
  } catch {
    // no child processes in this sandbox
  }
  return { line: 1, column: 1, message };
}

/** The position Node puts in a SyntaxError's stack: "file:line", the line, a caret line. */
function located(error, file, lineShift) {
  const lines = String(error.stack).split("\n");
  const m = /:(\d+)$/.exec(lines[0] || "");
  if (m !== null && lines[0].startsWith(file) && lines.length > 2 && lines[2].includes("^")) {
    return {
      line: Math.max(1, Number(m[1]) + lineShift),
      column: lines[2].indexOf("^") + 1,
      message: error.message,
    };
  }
  return { line: 1, column: 1, message: error.message };
}

// ---------------------------------------------------------------------------------------------
// Start-up and the job.

/**
 * What programs commonly need, loaded before `ready` so that a run does not pay for it (measured
 * on 2 cores, Node 20): the built-in modules take 18 ms and 4 MB; fetch loads undici at its first
 * call, so one fetch of a data: URL runs now (25 ms, 6 MB), which takes a program's first fetch of
 * the demo API from about 55 ms to 20; one import() readies the ES module loader (6 ms), which
 * takes a module's first output from about 13 ms to 9. The process is ready in about 90 ms with
 * 60 MB resident, where bare Node with the demo API's worker is ready in 85 ms with 50 MB.
 */
async function preload() {
  for (const name of [
    "assert",
    "buffer",
    "child_process",
    "crypto",
    "dns",
    "events",
    "fs/promises",
    "http",
    "https",
    "net",
    "perf_hooks",
    "readline",
    "readline/promises",
    "stream",
    "stream/promises",
    "string_decoder",
    "timers/promises",
    "url",
    "util/types",
    "zlib",
  ]) {
    require(`node:${name}`);
  }
  // Made now, patched when the run starts.
  void process.stdout;
  void process.stderr;
  try {
    await (await fetch("data:application/json,{}")).json();
  } catch {
    // fetch is a convenience here
  }
  try {
    await import("data:text/javascript,export default 1");
  } catch {
    // nor do ES modules depend on it
  }
}

/** Reads the job line from fd 0, synchronously; null at end of input. */
function readJobLine() {
  const chunks = [];
  const buffer = Buffer.alloc(1 << 16);
  for (;;) {
    let n;
    try {
      n = fs.readSync(0, buffer, 0, buffer.length, null);
    } catch (e) {
      if (e && e.code === "EAGAIN") {
        Atomics.wait(pauseCell, 0, 0, 2);
        continue;
      }
      if (e && e.code === "EOF") n = 0;
      else throw e;
    }
    if (n === 0) return chunks.length === 0 ? null : Buffer.concat(chunks).toString("utf8");
    const read = buffer.subarray(0, n);
    const nl = read.indexOf(10);
    chunks.push(Buffer.from(nl < 0 ? read : read.subarray(0, nl)));
    if (nl >= 0) return Buffer.concat(chunks).toString("utf8");
  }
}

/** The text of the top-level "job" member's number, as written. */
function rawJobId(line) {
  let depth = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') {
      let j = i + 1;
      while (j < line.length && line[j] !== '"') j += line[j] === "\\" ? 2 : 1;
      if (depth === 1 && line.slice(i + 1, j) === "job") {
        const m = /^\s*:\s*(\d{1,20})\s*[,}]/.exec(line.slice(j + 1, j + 40));
        if (m !== null) return m[1];
      }
      i = j;
    } else if (c === "{" || c === "[") {
      depth++;
    } else if (c === "}" || c === "]") {
      depth--;
    }
  }
  return null;
}

function parseJob(line) {
  const job = JSON.parse(line);
  const id = rawJobId(line);
  if (
    job === null ||
    typeof job !== "object" ||
    job.type !== "script" ||
    typeof job.file !== "string" ||
    typeof job.source !== "string" ||
    id === null ||
    !(Number(id) > 0)
  ) {
    throw new Error("not a script job: " + line.slice(0, 200));
  }
  return { id, file: job.file, source: job.source };
}

/**
 * Writes the program where `node` would find it: worker_threads programs start `__filename`
 * again. /tmp/main.js in the sandbox's private /tmp; a directory of its own where /tmp is shared.
 */
function writeProgram(name, source) {
  const base = path.basename(name) || "main.js";
  const file = path.join(os.tmpdir(), base);
  try {
    fs.writeFileSync(file, source, { flag: "wx" });
    programFile = file;
    return file;
  } catch {
    programDir = fs.mkdtempSync(path.join(os.tmpdir(), "run-"));
    programFile = path.join(programDir, base);
    fs.writeFileSync(programFile, source);
    return programFile;
  }
}

/** process.stdin is at its end: the job was all there was to read. */
function emptyStdin() {
  let stdin = null;
  const get = () => {
    if (stdin === null) {
      stdin = new Readable({
        read() {
          this.push(null);
        },
      });
      stdin.fd = 0;
    }
    return stdin;
  };
  const descriptor = Object.getOwnPropertyDescriptor(process, "stdin");
  if (descriptor === undefined || descriptor.configurable) {
    Object.defineProperty(process, "stdin", { configurable: true, enumerable: true, get });
  }
}

function run(job, demo) {
  jobId = job.id;
  const file = writeProgram(job.file, job.source);
  programSource = job.source;
  programFiles = new Set([file, pathToFileURL(file).href]);

  const error = syntaxError(job.source, file, demo);
  if (error !== null) {
    send("diagnostic", {
      severity: "error",
      line: error.line,
      column: error.column,
      message: error.message,
    });
    send("compile-failed");
    removeProgramFile();
    exitNow(1);
  }

  capture(process.stdout, stdoutLines);
  capture(process.stderr, stderrLines);
  emptyStdin();
  hideHarnessFrames();
  installExit();
  process.argv = [process.argv[0], file];
  delete require.cache[__filename];

  tracking = true;
  cpuStart = cpuUsage();
  origin = perfNow();
  started = true;
  send("started");
  send("span-start", { name: "main", thread: "main", start: 0 });
  flushOutgoing();
  // From a callback of its own, the program's stack traces end in Node's frames, not ours, and
  // the hooks see its top-level run as one callback of lane main. A microtask runs as soon as
  // this one ends, where a setImmediate would wait a turn of the event loop (2 to 3 ms).
  awaitingTopLevel = true;
  queueMicrotask(Module.runMain); // it runs process.argv[1]
}

async function main() {
  let demo = null;
  try {
    const configFile = process.argv[2] || path.join(__dirname, "demo-api.json");
    demo = startDemoApi(configFile);
    await preload();
    // The demo API listens (or its port belongs to someone else) before the first job can come,
    // and the worker's own messages to this thread are handled now, not in the program's time.
    await demo.online;
    Atomics.wait(demo.cell, 0, 0, 10000);
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
    // On now, idle until the run (`tracking`): enabling them costs a third of a millisecond.
    hooks.enable();
  } catch (e) {
    send("crashed", { message: `the harness could not start: ${e && e.stack ? e.stack : e}` });
    exitNow(70);
  }
  send("ready");

  const line = readJobLine();
  if (line === null) exitNow(2); // the server let this worker go
  let job;
  try {
    job = parseJob(line);
  } catch (e) {
    const id = rawJobId(line);
    if (id !== null) jobId = id;
    // Like the JVM worker and the Python harness: an unreadable job is exit 1, said on stderr too;
    // `crashed` gives the server the reason for its message.
    const message = `unreadable job: ${e.message}`;
    send("crashed", { message });
    try {
      fs.writeSync(2, `${message}\n`);
    } catch {
      // stderr is gone too: `crashed` has said it
    }
    exitNow(1);
  }
  try {
    run(job, demo);
  } catch (e) {
    if (started) throw e;
    send("crashed", {
      message: `the harness could not run the program: ${e && e.stack ? e.stack : e}`,
    });
    exitNow(70);
  }
}

main();

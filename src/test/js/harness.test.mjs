// The JavaScript run harness (src/main/resources/.../run/script/harness.js), run for real: a node
// process per test, the child protocol of docs/protocol.md §7 on its stdout. Checks its events,
// lanes, output capture, errors and exit codes, the demo API, and every course file's output.
// Run with: node --test src/test/js/

import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const RESOURCES = path.join(ROOT, "src/main/resources/dev/polyglot/playground/run");
const HARNESS = path.join(RESOURCES, "script/harness.js");
const DEMO_API = path.join(RESOURCES, "worker/demo-api.json");
const SNIPPETS = path.join(ROOT, "snippets");
const PORT = JSON.parse(fs.readFileSync(DEMO_API, "utf8")).port;
/** A job id beyond 2^53: it must come back digit for digit. */
const JOB = "9007199254740993123";

/**
 * Starts the harness as the server does, sends one job once it is ready (or `line` as it is, or
 * nothing), and gives back every line it wrote, parsed, with its exit code and its raw stderr.
 */
function runHarness(source, { file = "main.js", line, timeoutMs = 30000 } = {}) {
  return new Promise((resolve, reject) => {
    const scratch = fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR || "/tmp"), "h-"));
    const child = spawn(process.execPath, ["--max-old-space-size=256", HARNESS, DEMO_API], {
      cwd: scratch,
      env: { LANG: "C.UTF-8", HOME: process.env.HOME || scratch },
      stdio: ["pipe", "pipe", "pipe"],
    });
    const lines = [];
    let pending = "";
    let stderr = "";
    let servesApi = null;
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk) => {
      pending += chunk;
      let nl;
      while ((nl = pending.indexOf("\n")) >= 0) {
        const text = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        lines.push(text);
        if (text === '{"job":0,"type":"ready"}') {
          servesApi = listensOnPort(child.pid);
          if (line === null) child.stdin.end();
          else child.stdin.end((line ?? jobLine(source, file)) + "\n");
        }
      }
    });
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      fs.rmSync(scratch, { recursive: true, force: true });
      const events = lines.map((text) => {
        try {
          return JSON.parse(text);
        } catch {
          return { raw: text };
        }
      });
      resolve(new Run(code ?? signal, lines, events, stderr, servesApi));
    });
  });
}

function jobLine(source, file) {
  return `{"job":${JOB},"type":"script","file":${JSON.stringify(file)},"source":${JSON.stringify(source)}}`;
}

/**
 * Whether that process holds the demo API's listening socket. Outside a sandbox the port is
 * shared: another harness, or a JVM worker of a build running beside these tests, may hold it, and
 * go away in the middle of a request.
 */
function listensOnPort(pid) {
  try {
    const local = `0100007F:${PORT.toString(16).toUpperCase().padStart(4, "0")}`;
    const inodes = fs
      .readFileSync("/proc/net/tcp", "utf8")
      .split("\n")
      .map((row) => row.trim().split(/\s+/))
      .filter((cols) => cols[1] === local && cols[3] === "0A")
      .map((cols) => `socket:[${cols[9]}]`);
    const dir = `/proc/${pid}/fd`;
    return fs.readdirSync(dir).some((fd) => inodes.includes(fs.readlinkSync(path.join(dir, fd))));
  } catch {
    return null; // no /proc: cannot tell
  }
}

class Run {
  constructor(code, lines, events, stderr, servesApi) {
    this.code = code;
    this.lines = lines;
    this.events = events;
    this.stderr = stderr;
    this.servesApi = servesApi;
  }
  of(type) {
    return this.events.filter((e) => e.type === type);
  }
  get stdout() {
    return this.of("stdout").map((e) => e.text);
  }
  get errText() {
    return this.of("stderr")
      .map((e) => e.text)
      .join("\n");
  }
  /** Lanes by name: span times and the running segments sent for them. */
  lanes() {
    const lanes = new Map();
    for (const e of this.events) {
      if (e.type === "span-start") lanes.set(e.thread, { start: e.start, end: null, running: [] });
      if (e.type === "span-end") lanes.get(e.thread).end = e.end;
    }
    for (const e of this.of("running")) {
      assert.ok(lanes.has(e.thread), `running for a lane with no span: ${JSON.stringify(e)}`);
      lanes.get(e.thread).running.push([e.start, e.end]);
    }
    return lanes;
  }
  /** Checks what every run must have: one started, lines of this job, finished last. */
  assertWellFormed() {
    assert.equal(this.lines[0], '{"job":0,"type":"ready"}');
    for (const text of this.lines.slice(1)) {
      assert.ok(text.startsWith(`{"job":${JOB},"type":"`), `not this job's event: ${text}`);
    }
    assert.equal(this.of("started").length, 1);
    assert.deepEqual(this.events[2], {
      job: Number(JOB),
      type: "span-start",
      name: "main",
      thread: "main",
      start: 0,
    });
    const last = this.events.at(-1);
    assert.equal(last.type, "finished", `last event: ${JSON.stringify(last)}`);
    assert.ok(last.wallMs >= 0 && last.cpuMs >= 0);
    const lanes = this.lanes();
    for (const [name, lane] of lanes) {
      assert.notEqual(lane.end, null, `lane ${name} never ended`);
      assert.ok(lane.end >= lane.start, `lane ${name} ends before it starts`);
      for (const [s, e] of lane.running) {
        assert.ok(s <= e, `lane ${name}: running ${s}-${e}`);
        assert.ok(
          s >= lane.start - 0.01 && e <= lane.end + 1.01,
          `lane ${name}: ${s}-${e} outside its span`,
        );
      }
    }
    return lanes;
  }
}

const total = (segments) => segments.reduce((sum, [s, e]) => sum + (e - s), 0);
const overlap = ([a, b], [c, d]) => Math.max(0, Math.min(b, d) - Math.max(a, c));

/** Whether nothing listens on the demo API's port, so that a harness can serve it itself. */
function portFree() {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(PORT, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}
const PORT_FREE = await portFree();
const NEEDS_PORT = PORT_FREE ? false : `port ${PORT} is taken: the harness's demo API cannot start`;

const SLEEP = "const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));\n";

describe("harness: the protocol", () => {
  test("hello world: ready, started, output in lane main, finished, exit 0", async () => {
    const run = await runHarness('console.log("hello");\n');
    run.assertWellFormed();
    assert.equal(run.code, 0);
    assert.deepEqual(
      run.events.map((e) => e.type).filter((type) => type !== "running"),
      ["ready", "started", "span-start", "stdout", "span-end", "finished"],
    );
    assert.ok(run.of("running").every((e) => e.thread === "main"));
    const [out] = run.of("stdout");
    assert.equal(out.text, "hello");
    assert.equal(out.thread, "main");
    assert.ok(out.t > 0);
    assert.equal(run.stderr, "");
  });

  test("a syntax error: diagnostic at the reader's line and column, compile-failed, exit 1", async () => {
    const run = await runHarness('const a = 1;\nconsole.log("never");\n  foo(;\n');
    assert.equal(run.code, 1);
    assert.deepEqual(run.events.slice(1), [
      {
        job: Number(JOB),
        type: "diagnostic",
        severity: "error",
        line: 3,
        column: 7,
        message: "Unexpected token ';'",
      },
      { job: Number(JOB), type: "compile-failed" },
    ]);
  });

  test("a syntax error in an ES module (import, then a bad line)", async () => {
    const run = await runHarness('import fs from "node:fs";\n\nlet x = ;\n');
    assert.equal(run.code, 1);
    const [diagnostic] = run.of("diagnostic");
    assert.deepEqual([diagnostic.line, diagnostic.column], [3, 9]);
    assert.equal(run.of("compile-failed").length, 1);
    assert.equal(run.of("started").length, 0);
  });

  test("an ES module with top-level await runs as Node runs it", async () => {
    const run = await runHarness(
      'import path from "node:path";\n' +
        SLEEP +
        "await sleep(20);\nconsole.log(path.basename(import.meta.url));\n",
    );
    run.assertWellFormed();
    assert.equal(run.code, 0);
    assert.deepEqual(run.stdout, ["main.js"]);
  });

  test("an uncaught exception: Node's message on stderr, exit 1, finished", async () => {
    const source = 'console.log("before");\nfunction f() {\n  throw new Error("boom");\n}\nf();\n';
    const run = await runHarness(source);
    run.assertWellFormed();
    assert.equal(run.code, 1);
    assert.deepEqual(run.stdout, ["before"]);
    const err = run.errText;
    assert.match(
      err,
      /^\/.*main\.js:3\n {2}throw new Error\("boom"\);\n {2}\^\n\nError: boom\n {4}at f \(\/.*main\.js:3:9\)\n/,
    );
    assert.match(err, /\n\nNode\.js v\d+/);
    assert.doesNotMatch(err, /harness/);
    assert.equal(run.stderr, "", "nothing outside the protocol");
  });

  test("an unhandled rejection: Node's message on stderr, exit 1", async () => {
    const source =
      SLEEP +
      'async function f() {\n  await sleep(5);\n  throw new TypeError("rejected");\n}\nf();\n';
    const run = await runHarness(source);
    run.assertWellFormed();
    assert.equal(run.code, 1);
    assert.match(run.errText, /TypeError: rejected\n {4}at f \(.*main\.js:4:9\)/);
    assert.equal(run.stderr, "");
  });

  test("process.exit(3): exit 3, the partial line and finished still sent", async () => {
    const run = await runHarness(
      'setTimeout(() => console.log("never"), 500);\nprocess.on("exit", (c) => console.error("exit", c));\nprocess.stdout.write("partial");\nprocess.exit(3);\n',
    );
    run.assertWellFormed();
    assert.equal(run.code, 3);
    assert.deepEqual(run.stdout, ["partial"]);
    assert.equal(run.errText, "exit 3");
  });

  test("process.exitCode is the exit code once the event loop is empty", async () => {
    const run = await runHarness(SLEEP + "sleep(10).then(() => { process.exitCode = 4; });\n");
    run.assertWellFormed();
    assert.equal(run.code, 4);
  });

  test("output: invalid UTF-8, HTML verbatim, Buffers, CRLF, stderr, an unfinished last line", async () => {
    const run = await runHarness(
      [
        "process.stdout.write(Buffer.from([0x61, 0xff, 0x62, 0x0a]));",
        'console.log("<b>bold</b> & <script>x</script> \\"q\\" é 😀");',
        "process.stdout.write(new Uint8Array([0xe2, 0x82]));",
        "process.stdout.write(new Uint8Array([0xac, 0x0a]));",
        'process.stdout.write("crlf\\r\\n");',
        'console.error("to stderr");',
        'process.stdout.write("no newline");',
      ].join("\n"),
    );
    run.assertWellFormed();
    assert.deepEqual(run.stdout, [
      "a\uFFFDb",
      '<b>bold</b> & <script>x</script> "q" é 😀',
      "€",
      "crlf",
      "no newline",
    ]);
    assert.deepEqual(
      run.of("stderr").map((e) => [e.text, e.thread]),
      [["to stderr", "main"]],
    );
    assert.ok(
      run.lines.some((l) => l.includes("<script>x</script>")),
      "HTML is not escaped",
    );
  });

  test("a line over 8 KiB comes in chunks of 8 KiB, never inside a UTF-8 character", async () => {
    const run = await runHarness(
      'console.log("x".repeat(20000));\nconsole.log("é".repeat(5000));\n',
    );
    run.assertWellFormed();
    const sizes = run.stdout.map((t) => Buffer.byteLength(t));
    assert.deepEqual(sizes, [8192, 8192, 3616, 8192, 1808]);
    assert.equal(run.stdout.slice(0, 3).join(""), "x".repeat(20000));
    assert.equal(run.stdout.slice(3).join(""), "é".repeat(5000));
  });

  test("the program sees plain Node: no harness frames, listeners, or stdin left to read", async () => {
    const run = await runHarness(
      [
        'const e = new Error("where");',
        'console.log(e.stack.includes("harness") ? "harness frame" : "clean");',
        "console.log(Error.prepareStackTrace.name, Error.stackTraceLimit);",
        'console.log(process.listenerCount("exit"), process.listenerCount("uncaughtException"));',
        "console.log(require.main === module, __filename === process.argv[1], process.argv.length);",
        'process.on("uncaughtException", (err) => console.log("handled", err.message));',
        'setTimeout(() => { throw new Error("in a timer"); }, 5);',
        "(async () => {",
        '  let input = "";',
        "  for await (const chunk of process.stdin) input += chunk;",
        "  console.log(JSON.stringify(input));",
        "})();",
      ].join("\n"),
    );
    run.assertWellFormed();
    assert.equal(run.code, 0);
    assert.deepEqual(run.stdout, [
      "clean",
      "ErrorPrepareStackTrace 10",
      "0 0",
      "true true 2",
      '""',
      "handled in a timer",
    ]);
  });

  test("stdin closed before a job: exit 2", async () => {
    const run = await runHarness("", { line: null });
    assert.equal(run.code, 2);
    assert.deepEqual(run.lines, ['{"job":0,"type":"ready"}']);
  });

  test("an unreadable job: crashed, exit 1, like the JVM worker's", async () => {
    const run = await runHarness("", { line: '{"job":12,"type":"load"}' });
    assert.equal(run.code, 1);
    assert.equal(run.events[1].type, "crashed");
    assert.equal(run.events[1].job, 12);
    assert.match(run.stderr, /unreadable job/);
  });
});

describe("harness: lanes", () => {
  test("Promise.all of three waits: three overlapping lanes, each mostly waiting", async () => {
    const source =
      SLEEP +
      "async function wait() {\n  await sleep(300);\n}\n" +
      'async function main() {\n  await Promise.all([wait(), wait(), wait()]);\n  console.log("done");\n}\nmain();\n';
    const run = await runHarness(source);
    const lanes = run.assertWellFormed();
    assert.deepEqual([...lanes.keys()], ["main", "wait", "wait #2", "wait #3"]);
    const waits = ["wait", "wait #2", "wait #3"].map((name) => lanes.get(name));
    for (const lane of waits) {
      const span = lane.end - lane.start;
      assert.ok(span >= 290, `a wait lasts its 300 ms: ${span}`);
      assert.ok(
        total(lane.running) < span * 0.1,
        `mostly waiting: ${total(lane.running)} of ${span}`,
      );
    }
    for (const a of waits) {
      for (const b of waits) assert.ok(overlap([a.start, a.end], [b.start, b.end]) > 250);
    }
    assert.deepEqual(
      run.of("stdout").map((e) => e.thread),
      ["main"],
    );
  });

  test("a sequential loop of awaits stays in its caller's lane", async () => {
    const source =
      SLEEP +
      "async function wait() {\n  await sleep(50);\n}\n" +
      'async function main() {\n  for (let i = 0; i < 3; i++) await wait();\n  console.log("done");\n}\nmain();\n';
    const run = await runHarness(source);
    const lanes = run.assertWellFormed();
    assert.deepEqual([...lanes.keys()], ["main"]);
    assert.deepEqual(
      run.of("stdout").map((e) => [e.text, e.thread]),
      [["done", "main"]],
    );
  });

  test("the one async function the top level calls and leaves is lane main; two get lanes", async () => {
    const body = "{\n  await sleep(20);\n  console.log(name);\n}\n";
    const one = await runHarness(SLEEP + `async function main(name = "main") ${body}main();\n`);
    assert.deepEqual([...one.assertWellFormed().keys()], ["main"]);
    assert.deepEqual(
      one.of("stdout").map((e) => [e.text, e.thread]),
      [["main", "main"]],
    );

    const esm = await runHarness(
      'import { setTimeout as sleep } from "node:timers/promises";\n' +
        `async function main(name = "module") ${body}main();\n`,
    );
    assert.deepEqual([...esm.assertWellFormed().keys()], ["main"]);
    assert.deepEqual(esm.stdout, ["module"]);

    const two = await runHarness(
      SLEEP + `async function task(name) ${body}task("a");\ntask("b");\n`,
    );
    assert.deepEqual([...two.assertWellFormed().keys()], ["main", "task", "task #2"]);
    assert.deepEqual(
      two.of("stdout").map((e) => [e.text, e.thread]),
      [
        ["a", "task"],
        ["b", "task #2"],
      ],
    );
  });

  test("a stored promise awaited after other work, and a forgotten one, get lanes", async () => {
    const source =
      SLEEP +
      "async function save(name) {\n  await sleep(30);\n  console.log(`saved ${name}`);\n}\n" +
      "async function main() {\n" +
      '  save("forgotten");\n' +
      '  const later = save("later");\n' +
      "  await sleep(60);\n" +
      "  await later;\n" +
      '  await save("direct");\n' +
      "}\nmain();\n";
    const run = await runHarness(source);
    const lanes = run.assertWellFormed();
    assert.deepEqual([...lanes.keys()], ["main", "save", "save #2"]);
    assert.deepEqual(
      run.of("stdout").map((e) => [e.text, e.thread]),
      [
        ["saved forgotten", "save"],
        ["saved later", "save #2"],
        ["saved direct", "main"],
      ],
    );
  });

  test("a busy wait of 300 ms in an async function is one running segment of its lane", async () => {
    const source =
      SLEEP +
      "async function busy() {\n  await sleep(10);\n  const end = performance.now() + 300;\n  while (performance.now() < end) {}\n}\n" +
      "async function tick() {\n  for (let i = 0; i < 5; i++) await sleep(20);\n}\n" +
      "async function main() {\n  await Promise.all([busy(), tick()]);\n}\nmain();\n";
    const run = await runHarness(source);
    const lanes = run.assertWellFormed();
    const long = lanes.get("busy").running.filter(([s, e]) => e - s >= 280);
    assert.equal(long.length, 1, JSON.stringify(lanes.get("busy").running));
    for (const [name, lane] of lanes) {
      if (name === "busy") continue;
      for (const segment of lane.running) {
        assert.ok(overlap(segment, long[0]) < 1.5, `${name} ran during the busy wait: ${segment}`);
      }
    }
  });

  test("Atomics.wait blocks the loop: one long segment, nothing else runs meanwhile", async () => {
    const source =
      SLEEP +
      "async function block() {\n  await sleep(5);\n  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);\n}\n" +
      "async function other() {\n  await sleep(20);\n}\n" +
      "async function main() {\n  await Promise.all([block(), other()]);\n}\nmain();\n";
    const run = await runHarness(source);
    const lanes = run.assertWellFormed();
    const [segment] = lanes.get("block").running.filter(([s, e]) => e - s >= 280);
    assert.ok(segment, JSON.stringify(lanes.get("block").running));
    for (const [s, e] of [...lanes.get("other").running, ...lanes.get("main").running]) {
      assert.ok(overlap([s, e], segment) < 1.5);
    }
  });

  test("three-waits course file: the concurrent waits are three overlapping lanes", async () => {
    const dir = path.join(SNIPPETS, "why-and-model/three-waits");
    const file = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith(".js"))
      .map((f) => path.join(dir, f))
      .find((f) => fs.readFileSync(f, "utf8").includes("Promise.all"));
    assert.ok(file, "a three-waits JavaScript variant with Promise.all");
    const run = await runHarness(fs.readFileSync(file, "utf8"));
    const lanes = run.assertWellFormed();
    const waits = ["wait", "wait #2", "wait #3"].map((name) => lanes.get(name));
    assert.ok(waits.every(Boolean), `lanes: ${[...lanes.keys()]}`);
    for (const lane of waits) {
      assert.ok(total(lane.running) < (lane.end - lane.start) * 0.1);
      for (const other of waits)
        assert.ok(overlap([lane.start, lane.end], [other.start, other.end]) > 900);
    }
  });
});

describe("harness: the demo API", { skip: NEEDS_PORT }, () => {
  test("answers fetch and node:http with the demo data", async (t) => {
    const source = `
const http = require("node:http");
const BASE = "http://127.0.0.1:${PORT}";
const viaHttp = (p) => new Promise((resolve, reject) => {
  http.get(BASE + p, (res) => {
    let body = "";
    res.setEncoding("utf8");
    res.on("data", (d) => (body += d));
    res.on("end", () => resolve(res.statusCode + " " + res.headers["content-type"] + " " + body));
  }).on("error", reject);
});
async function main() {
  const r = await fetch(BASE + "/api/users/1?delay=0");
  console.log(r.status, r.headers.get("content-type"), JSON.stringify(await r.json()));
  for (const p of ["/api/users?delay=0", "/api/users/3/posts?delay=0", "/api/users/9?delay=0"]) console.log(await viaHttp(p));
  const t = performance.now();
  await viaHttp("/api/users/2?delay=150");
  console.log(performance.now() - t >= 140 ? "delayed" : "too fast");
}
main();
`;
    const run = await runHarness(source);
    if (run.servesApi === false) return t.skip(`another process served port ${PORT}`);
    run.assertWellFormed();
    assert.equal(run.code, 0, run.errText);
    const demo = JSON.parse(fs.readFileSync(DEMO_API, "utf8"));
    const user = (u) => JSON.stringify({ id: u.id, name: u.name, email: u.email });
    assert.deepEqual(run.stdout, [
      `200 application/json ${user(demo.users[0])}`,
      `200 application/json [${demo.users.map(user).join(",")}]`,
      `200 application/json ${JSON.stringify(demo.postTitles.map((title, i) => ({ id: 31 + i, userId: 3, title })))}`,
      '404 application/json {"error":"not found"}',
      "delayed",
    ]);
  });
});

// Every course file prints exactly its recorded output. Those that call the demo API run one at a
// time (each harness serves the port itself, and one that exits frees it), and so do those that
// start worker threads (they take the CPU, and a thread's start-up shows in their times); the
// rest, which mostly wait, run a few at a time. Their output has times in tenths of a second: a
// mismatch is tried twice more before it counts, in case the machine was busy.

const courseFiles = fs
  .readdirSync(SNIPPETS, { recursive: true })
  .filter((f) => f.endsWith(".js") && fs.existsSync(path.join(SNIPPETS, f + ".out")))
  .sort();
const uses = (f, pattern) => pattern.test(fs.readFileSync(path.join(SNIPPETS, f), "utf8"));
const usesApi = (f) => uses(f, /127\.0\.0\.1|localhost|node:http/);
const usesThreads = (f) => uses(f, /worker_threads/);
const normal = (text) =>
  text
    .split("\n")
    .map((l) => l.trimEnd())
    .join("\n")
    .trimEnd();

async function checkCourseFile(t, f) {
  const source = fs.readFileSync(path.join(SNIPPETS, f), "utf8");
  const expected = normal(fs.readFileSync(path.join(SNIPPETS, f + ".out"), "utf8"));
  let run;
  for (let attempt = 0; attempt < 3; attempt++) {
    run = await runHarness(source, { file: path.basename(f), timeoutMs: 60000 });
    if (run.code === 0 && normal(run.stdout.join("\n")) === expected) break;
  }
  if (usesApi(f) && run.servesApi === false) return t.skip(`another process served port ${PORT}`);
  run.assertWellFormed();
  assert.equal(run.code, 0, run.errText || run.stderr);
  assert.equal(normal(run.stdout.join("\n")), expected);
  assert.equal(run.errText, "");
}

describe("course files that use the demo API", { skip: NEEDS_PORT }, () => {
  for (const f of courseFiles.filter(usesApi)) test(f, (t) => checkCourseFile(t, f));
});

describe("course files that start threads", () => {
  for (const f of courseFiles.filter((f) => !usesApi(f) && usesThreads(f)))
    test(f, (t) => checkCourseFile(t, f));
});

describe("course files", { concurrency: 4 }, () => {
  for (const f of courseFiles.filter((f) => !usesApi(f) && !usesThreads(f)))
    test(f, (t) => checkCourseFile(t, f));
});

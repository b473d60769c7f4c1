package dev.polyglot.playground.run.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyglot.playground.Fixtures;
import dev.polyglot.playground.TestServer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile and broken Python and JavaScript, each against a real server and real sandboxed
 * interpreters: the same classes of attack as {@link SandboxIT} runs in Java. Every case checks the
 * events, that /health still answers, and that no process is left behind. The pools are empty, so
 * every run has a fresh interpreter of its own and nothing else should be running.
 */
class ScriptSandboxIT {
  static TestServer server;
  static RunClient client;
  @TempDir static Path work;

  @BeforeAll
  static void start() {
    server =
        TestServer.startWithJvm(
            "--snippets",
            Fixtures.VALID.toString(),
            "--pool",
            "0",
            "--max-queue",
            "16",
            "--work-dir",
            work.toString(),
            "--run-timeout",
            "3",
            "--compile-timeout",
            "8",
            "--run-output",
            "64",
            "--run-heap",
            "64");
    client = new RunClient(server.playground().port());
    // The Java runner's AOT training runs a worker of its own at start: not a test's leftover.
    server.awaitAotTraining();
    server.requireSandbox();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @AfterEach
  void healthyAndNothingLeft() throws Exception {
    assertThat(client.health()).isEqualTo(200);
    assertThat(TestServer.processesLeft()).isEmpty();
  }

  static RunClient.Reply run(String language, String source) throws Exception {
    return client.post(
        new JsonObject()
            .put("lesson", "first-lesson")
            .put("example", "hello")
            .put("language", language)
            .put("source", source));
  }

  static String py(String language, String python, String javascript) {
    return language.equals("python") ? python : javascript;
  }

  static void endsWithLimit(RunClient.Reply reply, String kind) {
    assertThat(reply.types()).as("%s", reply.events()).contains("limit").endsWith("exit");
    assertThat(reply.first("limit").getString("kind")).isEqualTo(kind);
  }

  @ParameterizedTest
  @ValueSource(strings = {"python", "javascript"})
  void helloRunsInAFreshInterpreter(String language) throws Exception {
    var reply = run(language, py(language, "print('hi')\n", "console.log('hi');\n"));
    assertThat(reply.types()).startsWith("started").endsWith("exit");
    assertThat(reply.stdout()).isEqualTo("hi\n");
    assertThat(reply.first("stdout").getString("thread")).isEqualTo("main");
    assertThat(reply.last().getInteger("code")).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"python", "javascript"})
  void busyLoopIsStoppedAtTheWallTimeLimit(String language) throws Exception {
    var reply =
        run(
            language,
            py(
                language,
                "print('spinning', flush=True)\nwhile True:\n    pass\n",
                "console.log('spinning');\nwhile (true) {}\n"));
    endsWithLimit(reply, "time");
    assertThat(reply.stdout()).isEqualTo("spinning\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"python", "javascript"})
  void aBlockedEventLoopIsStoppedToo(String language) throws Exception {
    var reply =
        run(
            language,
            py(
                language,
                """
                import asyncio, time
                async def hog():
                    time.sleep(100)
                async def main():
                    await asyncio.gather(hog(), asyncio.sleep(0.1))
                asyncio.run(main())
                """,
                """
                const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
                async function hog() { await sleep(10); const end = Date.now() + 100000; while (Date.now() < end) {} }
                Promise.all([hog(), sleep(50)]);
                """));
    endsWithLimit(reply, "time");
  }

  @ParameterizedTest
  @ValueSource(strings = {"python", "javascript"})
  void sleepingForeverIsStopped(String language) throws Exception {
    var reply =
        run(
            language,
            py(
                language,
                "import asyncio\nasyncio.run(asyncio.sleep(10**6))\n",
                "setInterval(() => {}, 1000);\n"));
    endsWithLimit(reply, "time");
  }

  @ParameterizedTest
  @ValueSource(strings = {"python", "javascript"})
  void forkAndThreadBombsEndAndShellsAreNotThere(String language) throws Exception {
    var shell =
        run(
            language,
            py(
                language,
                """
                import subprocess
                try:
                    subprocess.run(["/bin/sh", "-c", "echo escaped"])
                    print("shell ran")
                except OSError as e:
                    print("no shell:", type(e).__name__)
                """,
                """
                const { execFileSync } = require("node:child_process");
                try { execFileSync("/bin/sh", ["-c", "echo escaped"]); console.log("shell ran"); }
                catch (e) { console.log("no shell: " + e.code); }
                """));
    assertThat(shell.stdout()).startsWith("no shell: ");
    var forks =
        run(
            language,
            py(
                language,
                """
                import os, time
                n = 0
                try:
                    while True:
                        if os.fork() == 0:
                            time.sleep(100)
                            os._exit(0)
                        n += 1
                except OSError as e:
                    print("fork refused after", "many" if n > 0 else "none", type(e).__name__, flush=True)
                time.sleep(100)
                """,
                """
                const { spawn } = require("node:child_process");
                let n = 0;
                function more() {
                  const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"]);
                  child.on("error", (e) => { console.log("spawn refused: " + e.code); });
                  child.on("spawn", () => { n++; more(); });
                }
                more();
                """));
    assertThat(forks.types()).as("%s", forks.events()).endsWith("exit");
    assertThat(forks.stdout()).containsAnyOf("fork refused", "spawn refused");
    var threads =
        run(
            language,
            py(
                language,
                """
                import threading, time
                while True:
                    threading.Thread(target=time.sleep, args=(100,), daemon=True).start()
                """,
                """
                const { Worker } = require("node:worker_threads");
                while (true) new Worker("setInterval(() => {}, 1000)", { eval: true });
                """));
    assertThat(threads.types()).as("%s", threads.events()).endsWith("exit");
    if (language.equals("python")) {
      endsWithLimit(threads, "threads");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"python", "javascript"})
  void memoryBombsHitTheMemoryLimit(String language) throws Exception {
    var reply =
        run(
            language,
            py(
                language,
                "hoard = []\nwhile True:\n    hoard.append(bytearray(10_000_000))\n",
                "const hoard = [];\nwhile (true) hoard.push(new Array(1_000_000).fill(7));\n"));
    endsWithLimit(reply, "memory");
  }

  @ParameterizedTest
  @ValueSource(strings = {"python", "javascript"})
  void outputFloodsAreCutWithOrWithoutNewlines(String language) throws Exception {
    endsWithLimit(
        run(
            language,
            py(
                language,
                "while True:\n    print('flood')\n",
                "while (true) console.log('flood');\n")),
        "output");
    var oneLine =
        run(
            language,
            py(
                language,
                "import sys\nwhile True:\n    sys.stdout.write('xxxxxxxxxx')\n",
                "while (true) process.stdout.write('xxxxxxxxxx');\n"));
    endsWithLimit(oneLine, "output");
    assertThat(oneLine.events().stream().filter(e -> e.getString("type").equals("stdout")))
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.getString("text")).hasSizeLessThanOrEqualTo(8192));
  }

  @ParameterizedTest
  @ValueSource(strings = {"python", "javascript"})
  void thereIsNoNetworkButTheDemoApi(String language) throws Exception {
    int own = server.playground().port();
    var reply =
        run(
            language,
            py(
                language,
                """
                import socket, urllib.request
                for host, port in (("127.0.0.1", %d), ("10.0.0.1", 80)):
                    try:
                        socket.create_connection((host, port), timeout=1)
                        print("reached", host)
                    except OSError as e:
                        print("refused:", host)
                try:
                    socket.getaddrinfo("example.com", 80)
                    print("resolved")
                except OSError:
                    print("dns: failed")
                print("demo:", urllib.request.urlopen("http://127.0.0.1:8765/api/users/1?delay=0").read().decode())
                """
                    .formatted(own),
                """
                const net = require("node:net");
                const dns = require("node:dns/promises");
                function tryConnect(host, port) {
                  return new Promise((resolve) => {
                    const s = net.connect({ host, port, timeout: 1000 });
                    s.on("connect", () => { s.destroy(); resolve("reached " + host); });
                    s.on("error", () => resolve("refused: " + host));
                    s.on("timeout", () => { s.destroy(); resolve("refused: " + host); });
                  });
                }
                (async () => {
                  console.log(await tryConnect("127.0.0.1", %d));
                  console.log(await tryConnect("10.0.0.1", 80));
                  try { await dns.lookup("example.com"); console.log("resolved"); } catch { console.log("dns: failed"); }
                  const body = await (await fetch("http://127.0.0.1:8765/api/users/1?delay=0")).text();
                  console.log("demo: " + body);
                })();
                """
                    .formatted(own)));
    assertThat(reply.types()).as("%s", reply.events()).endsWith("exit");
    assertThat(reply.stdout().lines())
        .containsExactly(
            "refused: 127.0.0.1",
            "refused: 10.0.0.1",
            "dns: failed",
            "demo: {\"id\":1,\"name\":\"Ada Lovelace\",\"email\":\"ada@example.com\"}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"python", "javascript"})
  void hostSecretsAreNotThere(String language) throws Exception {
    String pom = Path.of("pom.xml").toAbsolutePath().toString();
    var reply =
        run(
            language,
            py(
                language,
                """
                import os
                for f in ("/etc/shadow", "/etc/passwd", "%s", "/root"):
                    print(f + ":", "visible" if os.path.exists(f) else "absent")
                print("env:", sorted(os.environ))
                try:
                    print("pid 1 env: [" + open("/proc/1/environ", "rb").read().decode().replace("\\0", " ").strip() + "]")
                except OSError:
                    print("pid 1 env: unreadable")
                print("uid:", os.getuid())
                """
                    .formatted(pom),
                """
                const fs = require("node:fs");
                for (const f of ["/etc/shadow", "/etc/passwd", "%s", "/root"]) console.log(f + ": " + (fs.existsSync(f) ? "visible" : "absent"));
                console.log("env: " + JSON.stringify(Object.keys(process.env).sort()));
                try { console.log("pid 1 env: [" + fs.readFileSync("/proc/1/environ", "utf8").replaceAll("\\0", " ").trim() + "]"); }
                catch { console.log("pid 1 env: unreadable"); }
                console.log("uid: " + process.getuid());
                """
                    .formatted(pom)));
    assertThat(reply.types()).as("%s", reply.events()).endsWith("exit");
    assertThat(reply.stdout())
        .contains("/etc/shadow: absent", "/etc/passwd: absent", "pom.xml: absent", "/root: absent")
        .doesNotContain("JAVA_HOME", "PATH", "uid: 0\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"python", "javascript"})
  void theDiskCannotBeFilledAndNothingOutlivesARun(String language) throws Exception {
    var fill =
        run(
            language,
            py(
                language,
                """
                try:
                    open("/escape.txt", "w").write("x")
                    print("wrote /")
                except OSError:
                    print("root: refused")
                try:
                    with open("/tmp/big", "wb") as out:
                        for _ in range(200):
                            out.write(bytes(1 << 20))
                    print("wrote 200 MB")
                except OSError:
                    print("big file: stopped")
                open("/tmp/note.txt", "w").write("secret")
                """,
                """
                const fs = require("node:fs");
                try { fs.writeFileSync("/escape.txt", "x"); console.log("wrote /"); } catch { console.log("root: refused"); }
                try {
                  const fd = fs.openSync("/tmp/big", "w");
                  for (let i = 0; i < 200; i++) fs.writeSync(fd, Buffer.alloc(1 << 20));
                  console.log("wrote 200 MB");
                } catch { console.log("big file: stopped"); }
                fs.writeFileSync("/tmp/note.txt", "secret");
                """));
    assertThat(fill.stdout())
        .contains("root: refused", "big file: stopped")
        .doesNotContain("wrote");
    var next =
        run(
            language,
            py(
                language,
                "import os\nprint('seen' if os.path.exists('/tmp/note.txt') else 'gone')\n",
                "console.log(require('node:fs').existsSync('/tmp/note.txt') ? 'seen' : 'gone');\n"));
    assertThat(next.stdout()).isEqualTo("gone\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"python", "javascript"})
  void killingEveryProcessItCanReachKillsOnlyItself(String language) throws Exception {
    var reply =
        run(
            language,
            py(
                language,
                "import os, signal\nprint('bye', flush=True)\nos.kill(-1, signal.SIGKILL)\n",
                "console.log('bye');\nprocess.kill(-1, 'SIGKILL');\n"));
    assertThat(reply.last().getString("type")).isIn("exit", "error");
    assertThat(client.health()).isEqualTo(200);
    var after =
        run(language, py(language, "print('still here')\n", "console.log('still here');\n"));
    assertThat(after.stdout()).isEqualTo("still here\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"python", "javascript"})
  void aSegfaultIsAnExitCode(String language) throws Exception {
    var reply =
        run(
            language,
            py(
                language,
                "import ctypes\nprint('before', flush=True)\nctypes.string_at(0)\n",
                "console.log('before');\nprocess.kill(process.pid, 'SIGSEGV');\n"));
    assertThat(reply.types()).as("%s", reply.events()).endsWith("exit");
    assertThat(reply.stdout()).isEqualTo("before\n");
    assertThat(reply.last().getInteger("code")).isEqualTo(128 + 11);
  }

  @ParameterizedTest
  @ValueSource(strings = {"python", "javascript"})
  void invalidUtf8AndHtmlArriveAsText(String language) throws Exception {
    var reply =
        run(
            language,
            py(
                language,
                """
                import sys
                sys.stdout.buffer.write(b"bad \\xff\\xfe bytes\\n")
                print("<script>alert(1)</script>")
                """,
                """
                process.stdout.write(Buffer.from([0x62, 0x61, 0x64, 0x20, 0xff, 0xfe, 0x20, 0x62, 0x79, 0x74, 0x65, 0x73, 0x0a]));
                console.log("<script>alert(1)</script>");
                """));
    assertThat(reply.types()).as("%s", reply.events()).endsWith("exit");
    assertThat(reply.stdout().lines())
        .containsExactly("bad \uFFFD\uFFFD bytes", "<script>alert(1)</script>");
  }

  @ParameterizedTest
  @ValueSource(strings = {"python", "javascript"})
  void syntaxErrorsPointAtTheirLine(String language) throws Exception {
    var reply =
        run(
            language,
            py(language, "print('a')\nprint('b'\nprint('c')\n", "console.log('a');\nlet x = ;\n"));
    assertThat(reply.types()).as("%s", reply.events()).containsExactly("diagnostic", "error");
    assertThat(reply.first("diagnostic").getInteger("line")).isEqualTo(2);
    assertThat(reply.last().getString("reason")).isEqualTo("compile-failed");
  }
}

package dev.polyglot.playground.run.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyglot.playground.Fixtures;
import dev.polyglot.playground.TestServer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and broken programs (busy loops, bombs, floods, escapes, secrets, crashes), each against
 * a real server and real sandboxed child JVMs; the README's sandbox section lists them. Every case
 * checks the events, that /health still answers, and that no child process is left behind. The pool
 * is empty, so every run has a cold worker of its own and nothing else should be running.
 */
class SandboxIT {
  static TestServer server;
  static RunClient client;
  @TempDir static Path work;

  @BeforeAll
  static void start() throws Exception {
    server =
        TestServer.startWithJvm(
            "--snippets",
            Fixtures.VALID.toString(),
            "--pool",
            "0",
            "--max-runs",
            "2",
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

  private static RunClient.Reply run(String source) throws Exception {
    return client.edited(source);
  }

  private static void endsWithLimit(RunClient.Reply reply, String kind) {
    assertThat(reply.types()).contains("limit").endsWith("exit");
    assertThat(reply.first("limit").getString("kind")).isEqualTo(kind);
  }

  @Test
  void busyLoopIsStoppedAtTheWallTimeLimit() throws Exception {
    var reply = run("void main() { IO.println(\"spinning\"); while (true) {} }");
    endsWithLimit(reply, "time");
    assertThat(reply.stdout()).isEqualTo("spinning\n");
    assertThat(reply.last().getInteger("code")).isEqualTo(137);
  }

  @Test
  void sleepingForeverIsStoppedToo() throws Exception {
    var reply = run("void main() throws Exception { Thread.sleep(Long.MAX_VALUE); }");
    endsWithLimit(reply, "time");
  }

  @Test
  void threadBombHitsTheThreadLimit() throws Exception {
    var reply =
        run(
            """
            void main() {
              while (true) {
                new Thread(() -> { try { Thread.sleep(60_000); } catch (InterruptedException e) {} }).start();
              }
            }
            """);
    endsWithLimit(reply, "threads");
  }

  @Test
  void processesCannotBeSpawned() throws Exception {
    var reply =
        run(
            """
            void main() throws Exception {
              try {
                new ProcessBuilder("/bin/sh", "-c", "echo escaped").start().waitFor();
                IO.println("shell ran");
              } catch (java.io.IOException e) {
                IO.println("no shell");
              }
              String java = ProcessHandle.current().info().command().orElseThrow();
              var p = new ProcessBuilder(java, "-version").redirectErrorStream(true).start();
              p.getInputStream().readAllBytes();
              IO.println("java child exited " + p.waitFor());
            }
            """);
    assertThat(reply.types()).endsWith("exit");
    assertThat(reply.stdout()).startsWith("no shell\n");
  }

  /** The memory cap with --run-heap 64: the heap plus what a JVM commits beside it. */
  static final long CAP_MIB = 64 + dev.polyglot.playground.run.Limits.NATIVE_MB;

  /** Beyond the cap, resident memory may hold shared, file-backed pages: libraries, AOT cache. */
  static final long MARGIN_MIB = 64;

  /**
   * The program gives its memory back once the cap stops it. One that kept it all until it exits
   * may leave the JVM no room for its own exit (a thread's stack, a compiler's buffer): the JVM
   * then prints "There is insufficient memory for the Java Runtime Environment to continue" and
   * exits 1, how often depending on how far the last 32 MiB fell short of the cap.
   */
  @Test
  void nativeMemoryIsCappedToo() throws Exception {
    var reply =
        run(
            """
            void main() {
              long mib = 0;
              try (var arena = java.lang.foreign.Arena.ofConfined()) {
                while (true) {
                  arena.allocate(32L << 20).fill((byte) 1);
                  mib += 32;
                }
              } catch (OutOfMemoryError e) {
                IO.println("allocated " + mib + " MiB, then: " + e.getMessage());
              }
              try {
                for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status")))
                  if (line.startsWith("VmHWM:")) IO.println(line.replaceAll("[^0-9]", ""));
              } catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }
            }
            """);
    assertThat(reply.last().getInteger("code")).isZero();
    var lines = reply.stdout().lines().toList();
    assertThat(lines.getFirst()).startsWith("allocated ").contains("Unable to allocate");
    long peakKib = Long.parseLong(lines.get(1));
    assertThat(peakKib / 1024)
        .as("peak resident MiB, against a cap of %d MiB", CAP_MIB)
        .isLessThanOrEqualTo(CAP_MIB + MARGIN_MIB);

    var uncaught =
        run(
            """
            void main() {
              while (true) java.lang.foreign.Arena.global().allocate(32L << 20).fill((byte) 1);
            }
            """);
    endsWithLimit(uncaught, "memory");
  }

  @Test
  void nativeCallsAreRefusedWithAClearMessage() throws Exception {
    var downcall =
        run(
            """
            import java.lang.foreign.*;
            void main() throws Throwable {
              var linker = Linker.nativeLinker();
              var getuid = linker.downcallHandle(
                  linker.defaultLookup().find("getuid").orElseThrow(),
                  FunctionDescriptor.of(ValueLayout.JAVA_INT));
              IO.println("uid " + (int) getuid.invokeExact());
            }
            """);
    assertThat(downcall.stdout()).isEmpty();
    assertThat(downcall.stderr())
        .contains("IllegalCallerException")
        .contains("does not let programs call native code");
    assertThat(downcall.last().getInteger("code")).isEqualTo(1);

    var jni = run("void main() { System.loadLibrary(\"zip\"); IO.println(\"loaded\"); }");
    assertThat(jni.stdout()).isEmpty();
    assertThat(jni.stderr()).contains("does not let programs call native code");
  }

  @Test
  void everyRunIsUnderTheSeccompFilter() throws Exception {
    var reply =
        run(
            """
            void main() throws Exception {
              for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status")))
                if (line.startsWith("Seccomp:")) IO.println(line);
            }
            """);
    assertThat(reply.stdout()).isEqualTo("Seccomp:\t2\n");
  }

  @Test
  void memoryBombHitsTheMemoryLimit() throws Exception {
    var reply =
        run(
            """
            void main() {
              var hoard = new java.util.ArrayList<byte[]>();
              while (true) hoard.add(new byte[1 << 20]);
            }
            """);
    endsWithLimit(reply, "memory");
  }

  @Test
  void stdoutFloodIsCutAtTheOutputLimit() throws Exception {
    var reply = run("void main() { while (true) IO.println(\"flood\"); }");
    endsWithLimit(reply, "output");
    assertThat(reply.stdout()).startsWith("flood\nflood\n");
  }

  @Test
  void stderrFloodIsCutToo() throws Exception {
    var reply = run("void main() { while (true) System.err.println(\"flood\"); }");
    endsWithLimit(reply, "output");
    assertThat(reply.stderr()).startsWith("flood\n");
  }

  @Test
  void oneHugeLineWithoutNewlineArrivesInChunksAndIsCut() throws Exception {
    var reply = run("void main() { while (true) System.out.print(\"xxxxxxxxxx\"); }");
    endsWithLimit(reply, "output");
    List<JsonObject> chunks =
        reply.events().stream().filter(e -> e.getString("type").equals("stdout")).toList();
    assertThat(chunks)
        .isNotEmpty()
        .allSatisfy(c -> assertThat(c.getString("text")).hasSizeLessThanOrEqualTo(8192));
  }

  @Test
  void thereIsNoNetworkButTheDemoApi() throws Exception {
    int own = server.playground().port();
    var reply =
        run(
            """
            import java.net.*;
            void main() throws Exception {
              try (var s = new Socket()) { s.connect(new InetSocketAddress("127.0.0.1", %d), 1000); IO.println("reached the server"); }
              catch (Exception e) { IO.println("own port: " + e.getClass().getSimpleName()); }
              try (var s = new Socket()) { s.connect(new InetSocketAddress("10.0.0.1", 80), 1000); IO.println("reached 10.0.0.1"); }
              catch (Exception e) { IO.println("outside: " + e.getClass().getSimpleName()); }
              try { InetAddress.getByName("example.com"); IO.println("resolved"); }
              catch (Exception e) { IO.println("dns: " + e.getClass().getSimpleName()); }
              var client = java.net.http.HttpClient.newHttpClient();
              var body = client.send(java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:8765/api/users/1?delay=0")).build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString()).body();
              IO.println("demo: " + body);
            }
            """
                .formatted(own));
    assertThat(reply.types()).endsWith("exit");
    List<String> lines = reply.stdout().lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).isEqualTo("own port: ConnectException");
    assertThat(lines.get(1)).startsWith("outside: ").isNotEqualTo("reached 10.0.0.1");
    assertThat(lines.get(2)).isEqualTo("dns: UnknownHostException");
    assertThat(lines.get(3))
        .isEqualTo("demo: {\"id\":1,\"name\":\"Ada Lovelace\",\"email\":\"ada@example.com\"}");
  }

  @Test
  void lessonCodeHasTheVertxWebClientButNotTheServersLibraries() throws Exception {
    var reply =
        run(
            """
            import io.vertx.core.Vertx;
            import io.vertx.ext.web.client.WebClient;
            import io.vertx.ext.web.codec.BodyCodec;
            void main() {
              var vertx = Vertx.vertx();
              var client = WebClient.create(vertx);
              var user = client.get(8765, "127.0.0.1", "/api/users/2").addQueryParam("delay", "0")
                  .as(BodyCodec.jsonObject()).send().await().body();
              IO.println("web client: " + user.getString("name"));
              for (String name : new String[] {"com.github.jknack.handlebars.Handlebars", "io.vertx.ext.web.Router", "dev.polyglot.playground.Main"}) {
                try { Class.forName(name); IO.println(name + ": visible"); }
                catch (ClassNotFoundException e) { IO.println(name + ": absent"); }
              }
              vertx.close().await();
            }
            """);
    assertThat(reply.types()).endsWith("exit");
    assertThat(reply.last().getInteger("code")).isZero();
    assertThat(reply.stdout().lines())
        .containsExactly(
            "web client: Alan Turing",
            "com.github.jknack.handlebars.Handlebars: absent",
            "io.vertx.ext.web.Router: absent",
            "dev.polyglot.playground.Main: absent");
  }

  @Test
  void hostSecretsAreNotThere() throws Exception {
    var reply =
        run(
            """
            import java.nio.file.*;
            void main() throws Exception {
              for (String f : new String[] {"/etc/shadow", "/etc/passwd", "%s", "/root"}) {
                IO.println(f + ": " + (Files.exists(Path.of(f)) ? "visible" : "absent"));
              }
              IO.println("env: " + new java.util.TreeSet<>(System.getenv().keySet()));
              try {
                IO.println("pid 1 env: [" + new String(Files.readAllBytes(Path.of("/proc/1/environ"))).replace('\\0', ' ').strip() + "]");
              } catch (Exception e) {
                IO.println("pid 1 env: unreadable");
              }
              IO.println("uid: " + Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
            }
            """
                .formatted(Path.of("pom.xml").toAbsolutePath()));
    assertThat(reply.types()).endsWith("exit");
    assertThat(reply.stdout())
        .contains("/etc/shadow: absent", "/etc/passwd: absent", "pom.xml: absent", "/root: absent")
        .contains("env: [HOME, LANG, PWD]")
        .doesNotContain("JAVA_HOME", "PATH=");
    assertThat(reply.stdout()).doesNotContain("uid: 0\n");
  }

  @Test
  void theDiskCannotBeFilled() throws Exception {
    var reply =
        run(
            """
            import java.nio.file.*;
            void main() {
              try { Files.writeString(Path.of("/escape.txt"), "x"); IO.println("wrote /"); }
              catch (Exception e) { IO.println("root: " + e.getClass().getSimpleName()); }
              try (var out = Files.newOutputStream(Path.of("/tmp/big"))) {
                byte[] mb = new byte[1 << 20];
                for (int i = 0; i < 200; i++) out.write(mb);
                IO.println("wrote 200 MB");
              } catch (Exception e) { IO.println("big file: stopped"); }
            }
            """);
    assertThat(reply.types()).endsWith("exit");
    assertThat(reply.stdout()).contains("root: ", "big file: stopped").doesNotContain("wrote");
  }

  @Test
  void nothingWrittenInOneRunIsVisibleToTheNext() throws Exception {
    var first =
        run(
            "void main() throws Exception { java.nio.file.Files.writeString(java.nio.file.Path.of(\"/tmp/note.txt\"), \"secret\"); IO.println(\"written\"); }");
    assertThat(first.stdout()).isEqualTo("written\n");
    var second =
        run(
            "void main() { IO.println(java.nio.file.Files.exists(java.nio.file.Path.of(\"/tmp/note.txt\")) ? \"seen\" : \"gone\"); }");
    assertThat(second.stdout()).isEqualTo("gone\n");
  }

  @Test
  void manyRunsAtOnceAllFinishInOrderOfArrival() throws Exception {
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<RunClient.Reply>> replies =
          java.util.stream.IntStream.range(0, 6)
              .mapToObj(
                  i -> pool.submit(() -> run("void main() { IO.println(\"run " + i + "\"); }")))
              .toList();
      for (int i = 0; i < replies.size(); i++) {
        var reply = replies.get(i).get();
        assertThat(reply.types()).endsWith("exit");
        assertThat(reply.stdout()).isEqualTo("run " + i + "\n");
        assertThat(reply.last().getInteger("code")).isZero();
      }
      assertThat(
              replies.stream().map(this::result).filter(r -> r.types().contains("queued")).count())
          .isPositive();
    }
  }

  private RunClient.Reply result(Future<RunClient.Reply> f) {
    try {
      return f.get();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void exitCodesAndCrashesAreReported() throws Exception {
    assertThat(
            run("void main() { IO.println(\"bye\"); System.exit(3); }").last().getInteger("code"))
        .isEqualTo(3);
    assertThat(run("void main() { Runtime.getRuntime().halt(4); }").last().getInteger("code"))
        .isEqualTo(4);
    var thrown = run("void main() { throw new IllegalStateException(\"boom\"); }");
    assertThat(thrown.last().getInteger("code")).isEqualTo(1);
    assertThat(thrown.stderr())
        .startsWith("Exception in thread \"main\" java.lang.IllegalStateException: boom");
    var deep = run("int depth(int n) { return depth(n + 1) + 1; } void main() { depth(0); }");
    assertThat(deep.last().getInteger("code")).isEqualTo(1);
    assertThat(deep.stderr()).contains("java.lang.StackOverflowError");
  }

  @Test
  void nonDaemonThreadsKeepTheProgramAliveLikeTheJvm() throws Exception {
    var reply =
        run(
            """
            void main() {
              new Thread(() -> {
                try { Thread.sleep(300); } catch (InterruptedException e) {}
                IO.println("late");
              }).start();
              IO.println("main done");
            }
            """);
    assertThat(reply.stdout()).isEqualTo("main done\nlate\n");
    assertThat(reply.last().getDouble("wallMs")).isGreaterThanOrEqualTo(300);
    var forever =
        run("void main() { new Thread(() -> { while (true) Thread.onSpinWait(); }).start(); }");
    endsWithLimit(forever, "time");
  }

  @Test
  void compileErrorsPointAtTheLineAndNoMainIsExplained() throws Exception {
    var reply = run("void main() {\n  IO.println(\"a\")\n}\n");
    assertThat(reply.types()).containsExactly("compiling", "diagnostic", "error");
    assertThat(reply.first("diagnostic").getInteger("line")).isEqualTo(2);
    assertThat(reply.first("diagnostic").getString("message")).contains("';' expected");
    var noMain = run("class Lonely {}");
    assertThat(noMain.types()).endsWith("error");
    assertThat(noMain.first("diagnostic").getString("message")).contains("no main method");
  }

  @Test
  void pathologicalGenericsEndInACompileError() throws Exception {
    // Kennedy and Pierce's undecidable subtyping: javac recurses until it runs out of stack.
    var reply =
        run(
            """
            class T {}
            class N<Z> {}
            class C<X> extends N<N<? super C<C<X>>>> {
              N<? super C<T>> cast(C<T> c) { return c; }
            }
            class Main { static void main() { IO.println("compiled"); } }
            """);
    assertThat(reply.types()).startsWith("compiling").endsWith("error");
    assertThat(reply.stdout()).isEmpty();
  }

  @Test
  void theProgramCannotReachTheServerProcesses() throws Exception {
    var reply =
        run(
            """
            void main() {
              long others = ProcessHandle.allProcesses().filter(p -> p.pid() != ProcessHandle.current().pid()).count();
              IO.println("other processes visible: " + others);
              ProcessHandle.allProcesses().forEach(ProcessHandle::destroyForcibly);
              IO.println("still here");
            }
            """);
    assertThat(reply.types()).last().isIn("exit", "error");
  }

  @Test
  void invalidUtf8AndMarkupArriveAsPlainText() throws Exception {
    var reply =
        run(
            """
            void main() {
              System.out.write(new byte[] {'a', (byte) 0xC3, (byte) 0x28, 'b', '\\n'}, 0, 5);
              System.out.flush();
              IO.println("<img src=x onerror=alert(1)>");
            }
            """);
    assertThat(reply.stdout()).isEqualTo("a\uFFFD(b\n<img src=x onerror=alert(1)>\n");
  }
}

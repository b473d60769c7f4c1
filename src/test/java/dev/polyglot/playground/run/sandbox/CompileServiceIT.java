package dev.polyglot.playground.run.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyglot.playground.Fixtures;
import dev.polyglot.playground.TestServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Edited code compiles in the long-lived, sandboxed compile service and runs in a worker of its
 * own; with no service ready, the worker compiles it itself. No pool here: every run gets a cold
 * worker, as when the pool is empty.
 */
class CompileServiceIT {
  static final String HELLO = "void main() { IO.println(\"hello\"); }\n";
  static TestServer server;
  static RunClient client;
  @TempDir static Path work;

  @BeforeAll
  static void start() {
    server =
        TestServer.startWithJvm(
            "--snippets", Fixtures.VALID.toString(), "--pool", "0", "--work-dir", work.toString());
    client = new RunClient(server.playground().port());
    server.awaitAotTraining();
    server.awaitCompiler();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    assertThat(serviceJvms()).as("the compile service is stopped with the server").isEmpty();
  }

  /** Each test starts with a service that is up: the one before may have left it restarting. */
  @BeforeEach
  void serviceReady() {
    server.awaitCompiler();
  }

  @AfterEach
  void healthyAndNothingLeft() throws Exception {
    assertThat(client.health()).isEqualTo(200);
    assertThat(TestServer.processesLeft()).isEmpty();
  }

  @Test
  void editedCodeCompilesInTheServiceAndRunsInAWorkerOfItsOwn() throws Exception {
    long before = compiles();
    var reply = client.edited(HELLO);
    assertThat(reply.types()).startsWith("compiling", "started").endsWith("exit");
    assertThat(reply.types().stream().filter("compiling"::equals)).hasSize(1);
    assertThat(reply.stdout()).isEqualTo("hello\n");
    assertThat(reply.last().getInteger("code")).isZero();
    assertThat(compiles()).isEqualTo(before + 1);
  }

  @Test
  void compileErrorsComeBackAtTheirLineAndColumn() throws Exception {
    long before = compiles();
    var reply = client.edited("void main() {\n  int x = \"a\";\n}\n");
    assertThat(reply.types()).containsExactly("compiling", "diagnostic", "error");
    var diagnostic = reply.first("diagnostic");
    assertThat(diagnostic.getString("severity")).isEqualTo("error");
    assertThat(diagnostic.getLong("line")).isEqualTo(2);
    assertThat(diagnostic.getLong("column")).isEqualTo(11);
    assertThat(diagnostic.getString("message")).contains("String cannot be converted to int");
    assertThat(reply.last().getString("message")).contains("does not compile");
    assertThat(compiles()).isEqualTo(before + 1);
  }

  @Test
  void aClassWithoutMainCompilesButDoesNotStart() throws Exception {
    var reply = client.edited("class Helper { int twice(int x) { return 2 * x; } }\n");
    assertThat(reply.types()).containsExactly("compiling", "diagnostic", "error");
    assertThat(reply.first("diagnostic").getString("message")).contains("no main method");
  }

  @Test
  void whenTheServiceDiesRunsCompileInTheirWorkerUntilANewOneIsReady() throws Exception {
    List<ProcessHandle> killed = serviceJvms();
    assertThat(killed).hasSize(1);
    killed.forEach(ProcessHandle::destroyForcibly);
    long before = compiles();

    var reply = client.edited(HELLO);
    assertThat(reply.types()).startsWith("compiling", "started").endsWith("exit");
    assertThat(reply.types().stream().filter("compiling"::equals)).hasSize(1);
    assertThat(reply.stdout()).isEqualTo("hello\n");
    assertThat(compiles()).as("compiled by the worker").isEqualTo(before);

    server.awaitCompiler();
    assertThat(serviceJvms()).hasSize(1).doesNotContainAnyElementsOf(killed);
    assertThat(client.edited(HELLO).stdout()).isEqualTo("hello\n");
    assertThat(compiles()).isEqualTo(before + 1);
  }

  private static long compiles() {
    return server.playground().runner().status().getJsonObject("compiler").getLong("compiles");
  }

  /** The service's JVMs: the java processes, not the sandbox processes around them. */
  static List<ProcessHandle> serviceJvms() {
    return ProcessHandle.current()
        .descendants()
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().command().orElse("").endsWith("/java"))
        .filter(p -> p.info().commandLine().orElse("").contains(TestServer.COMPILE_SERVICE))
        .toList();
  }
}

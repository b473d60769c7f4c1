package dev.polyglot.playground;

import dev.polyglot.playground.run.FakeRunner;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real playground on a free loopback port, started through the same wiring function as {@code
 * main}, plus a client pointed at it.
 */
public record TestServer(Playground playground, WebClient client) implements AutoCloseable {

  /** With a {@link FakeRunner} that prints two lines: enough for everything but real runs. */
  public static TestServer start(Config config) {
    return start(
        config,
        (vertx, c) ->
            Future.succeededFuture(new FakeRunner(vertx, r -> FakeRunner.lines(r, 2, 50))));
  }

  /** With real sandboxed child JVMs, working in a scratch folder of their own. */
  public static TestServer startWithJvm(Config config) {
    return start(config, Playground::jvmRunner);
  }

  public static TestServer start(Config config, Playground.RunnerFactory runners) {
    try {
      Playground playground =
          Playground.start(config.withPort(0).withHost("127.0.0.1"), runners)
              .toCompletionStage()
              .toCompletableFuture()
              .get(60, TimeUnit.SECONDS);
      var options =
          new WebClientOptions()
              .setDefaultHost("127.0.0.1")
              .setDefaultPort(playground.port())
              .setFollowRedirects(false);
      return new TestServer(playground, WebClient.create(playground.vertx(), options));
    } catch (Exception e) {
      throw new IllegalStateException("server did not start", e);
    }
  }

  public HttpRequest<Buffer> get(String path) {
    return client.get(path);
  }

  public String url(String path) {
    return "http://127.0.0.1:" + playground.port() + path;
  }

  /** The AOT training run is a child process too: let it finish before counting what is left. */
  public void awaitAotTraining() {
    await(
        "AOT training",
        () -> !"training".equals(playground.runner().status().getString("aotCache")));
  }

  /** Until the compile service has warmed up, edited code compiles in each run's worker. */
  public void awaitCompiler() {
    await("the compile service", () -> "ready".equals(compilerState()));
  }

  /** Until the compile service is ready, or known to be missing (no sandbox, no edited code). */
  public void awaitCompilerStarted() {
    await("the compile service", () -> !"starting".equals(compilerState()));
  }

  public String compilerState() {
    var compiler = playground.runner().status().getJsonObject("compiler");
    return compiler == null ? null : compiler.getString("state");
  }

  private static void await(String what, java.util.function.BooleanSupplier done) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(what + " was not ready within 60 s");
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
  }

  /**
   * For tests of edited code, which needs the sandbox: without bubblewrap they are skipped, except
   * in CI ({@code -Dci=true}), where that is a failure. The caller still owns the server.
   */
  public void requireSandbox() {
    if (!playground.runner().status().getBoolean("sandbox")) {
      if (Boolean.getBoolean("ci")) {
        throw new AssertionError("CI needs bubblewrap: apt-get install -y bubblewrap");
      }
      Assumptions.abort("bubblewrap is not installed; sandbox tests skipped");
    }
  }

  /** What the compile service's command line names. */
  public static final String COMPILE_SERVICE = "run.worker.CompilerMain";

  /**
   * Waits until this JVM has no child process left but a browser under test and a server's compile
   * service: no run may leave one behind.
   */
  public static List<String> processesLeft() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    List<ProcessHandle> left;
    do {
      left =
          ProcessHandle.current()
              .descendants()
              .filter(p -> p.isAlive() && !p.info().command().orElse("").contains("/chromium/"))
              // The compile service belongs to the server, not to a run.
              .filter(p -> !p.info().commandLine().orElse("").contains(COMPILE_SERVICE))
              .toList();
      if (left.isEmpty()) {
        return List.of();
      }
      Thread.sleep(50);
    } while (System.nanoTime() < deadline);
    return left.stream().map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList();
  }

  @Override
  public void close() throws Exception {
    client.close();
    playground.closeAndWait();
  }
}

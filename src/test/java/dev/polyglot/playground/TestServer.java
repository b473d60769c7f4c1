package dev.polyglot.playground;

import dev.polyglot.playground.run.FakeGauge;
import dev.polyglot.playground.run.FakeRunner;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real playground on a free loopback port, started through the same wiring function as {@code
 * main}, plus a client pointed at it.
 */
public record TestServer(Playground playground, WebClient client) implements AutoCloseable {

  /**
   * A Config as {@code main} reads it from flags (no environment), on a free loopback port: {@code
   * config("--snippets", dir, "--pool", "0")}.
   */
  public static Config config(String... args) {
    var all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--port", "0", "--host", "127.0.0.1"));
    return Config.parse(all, Map.of());
  }

  /** With a {@link FakeRunner} that prints two lines: enough for everything but real runs. */
  public static TestServer start(String... args) {
    return start(
        (vertx, c) ->
            Future.succeededFuture(new FakeRunner(vertx, r -> FakeRunner.lines(r, 2, 50))),
        args);
  }

  /**
   * With real child JVMs, sandboxed where bubblewrap works and unsandboxed where it is missing, so
   * that the run path is tested everywhere; tests of isolation itself call {@link
   * #requireSandbox()}.
   */
  public static TestServer startWithJvm(String... args) {
    var all = new ArrayList<>(List.of(args));
    all.add("--unsafe-run-unsandboxed");
    return start(Playground::sandboxRunners, all.toArray(String[]::new));
  }

  public static TestServer start(Playground.RunnerFactory runners, String... args) {
    try {
      Playground playground =
          Playground.start(config(args), runners, new FakeGauge())
              .toCompletionStage()
              .toCompletableFuture()
              .get(60, TimeUnit.SECONDS);
      // Pages come first; tests of runs look at the runner's state (pools, AOT cache) at once.
      playground
          .runnerStarted()
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
    Poll.until(
        "AOT training",
        Duration.ofSeconds(60),
        () -> !"training".equals(playground.runner().status().getString("aotCache")));
  }

  /** Until the compile service has warmed up, edited code compiles in each run's worker. */
  public void awaitCompiler() {
    Poll.until(
        "the compile service", Duration.ofSeconds(60), () -> "ready".equals(compilerState()));
  }

  /** Until the compile service is ready, or known to be missing (no sandbox, no edited code). */
  public void awaitCompilerStarted() {
    Poll.until(
        "the compile service", Duration.ofSeconds(60), () -> !"starting".equals(compilerState()));
  }

  public String compilerState() {
    var compiler = playground.runner().status().getJsonObject("compiler");
    return compiler == null ? null : compiler.getString("state");
  }

  /**
   * For tests of isolation itself, which need bubblewrap: without it they are skipped, except in CI
   * ({@code -Dci=true}), where that is a failure. The caller still owns the server.
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
   * service, and lists any that stay: no run may leave one behind.
   */
  public static List<String> processesLeft() {
    try {
      Poll.until("every run's processes to end", Duration.ofSeconds(5), () -> left().isEmpty());
      return List.of();
    } catch (AssertionError e) {
      return left().stream().map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList();
    }
  }

  private static List<ProcessHandle> left() {
    return ProcessHandle.current()
        .descendants()
        .filter(p -> p.isAlive() && !p.info().command().orElse("").contains("/chromium/"))
        // The compile service belongs to the server, not to a run.
        .filter(p -> !p.info().commandLine().orElse("").contains(COMPILE_SERVICE))
        .toList();
  }

  @Override
  public void close() throws Exception {
    client.close();
    playground.closeAndWait();
  }
}

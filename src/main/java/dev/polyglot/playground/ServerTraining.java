package dev.polyglot.playground;

import dev.polyglot.playground.run.HostGauge;
import io.vertx.core.Future;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -XX:AOTCacheOutput=FILE -jar polyglot-playground.jar train}: the server's own AOT
 * training run (JEP 483/514/515). It starts the site on a loopback port with the given settings but
 * no runner, fetches every page, each asset and a WebSocket once, and stops; the JVM writes the
 * cache as it exits. Started with {@code -XX:AOTCache=FILE}, the server then finds its classes
 * loaded and linked, with profiles from this run, and serves its first page sooner.
 */
final class ServerTraining {
  private static final List<String> OTHERS =
      List.of(
          "/assets/site.css",
          "/assets/site.js",
          "/assets/live/runpane.js",
          "/health",
          "/metrics",
          "/no-such-page");

  private ServerTraining() {}

  /** Returns the process exit code: 0 when every request was answered. */
  static int run(List<String> args) throws Exception {
    var all = new ArrayList<>(args);
    all.addAll(List.of("--port", "0", "--host", "127.0.0.1"));
    Config config = Config.parse(all, System.getenv());
    // No runs: the runner's start-up is the sandbox's business, and its children are not this JVM.
    Playground playground =
        Playground.start(
                config,
                (vertx, c) -> Future.failedFuture("no runs while training"),
                HostGauge.start())
            .toCompletionStage()
            .toCompletableFuture()
            .get(60, TimeUnit.SECONDS);
    int failed = 0;
    try (var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
      String base = "http://127.0.0.1:" + playground.port() + config.basePath();
      var paths =
          new ArrayList<>(
              playground
                  .rendered()
                  .toCompletionStage()
                  .toCompletableFuture()
                  .get(60, TimeUnit.SECONDS)
                  .pages()
                  .keySet());
      paths.addAll(OTHERS);
      for (String path : paths) {
        for (String encoding : List.of("gzip", "identity")) {
          failed += fetch(http, base + path, encoding) ? 0 : 1;
        }
      }
      WebSocket socket =
          http.newWebSocketBuilder()
              .buildAsync(
                  URI.create(base.replace("http:", "ws:") + "/ws"), new WebSocket.Listener() {})
              .get(10, TimeUnit.SECONDS);
      socket.sendText("{\"type\":\"ping\"}", true).get(10, TimeUnit.SECONDS);
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(10, TimeUnit.SECONDS);
    } finally {
      playground.closeAndWait();
    }
    System.out.println(
        failed == 0 ? "trained" : "training: " + failed + " requests were not answered");
    return failed == 0 ? 0 : 1;
  }

  private static boolean fetch(HttpClient http, String url, String encoding)
      throws IOException, InterruptedException {
    var request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Accept-Encoding", encoding)
            .timeout(Duration.ofSeconds(10))
            .build();
    int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    return status < 500;
  }
}

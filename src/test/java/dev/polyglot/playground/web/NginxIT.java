package dev.polyglot.playground.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.polyglot.playground.Fixtures;
import dev.polyglot.playground.TestServer;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real nginx (Debian's) in front of the server, as an operator runs it: under {@code /course}, on
 * a port other than 80, with the proxy configuration shipped in {@code deploy/nginx.conf}. A page's
 * WebSocket then streams a run through it. Skipped without nginx, except in CI.
 */
class NginxIT {
  static final Path NGINX = Path.of("/usr/sbin/nginx");
  static TestServer server;
  static Process nginx;
  static int port;
  @TempDir static Path prefix;

  @BeforeAll
  static void start() throws Exception {
    if (!Files.isExecutable(NGINX)) {
      assumeTrue("true".equals(System.getenv("CI")) ? fail() : false, "nginx is not installed");
    }
    server = TestServer.start("--snippets", Fixtures.VALID.toString(), "--base-path", "/course");
    port = freePort();
    // The shipped configuration, pointed at this server instead of the compose file's web nodes.
    String site =
        Files.readString(Path.of("deploy", "nginx.conf"))
            .replaceAll(
                "(?s)upstream playground \\{.*?\\}",
                "upstream playground { server 127.0.0.1:" + server.playground().port() + "; }")
            .replace("listen 8081;", "listen 127.0.0.1:" + port + ";");
    Files.createDirectories(prefix.resolve("logs"));
    Files.writeString(prefix.resolve("site.conf"), site);
    Files.writeString(
        prefix.resolve("nginx.conf"),
        """
        daemon off;
        pid %1$s/nginx.pid;
        error_log %1$s/logs/error.log;
        events {}
        http {
          access_log off;
          client_body_temp_path %1$s/body;
          proxy_temp_path %1$s/proxy;
          include %1$s/site.conf;
        }
        """
            .formatted(prefix));
    nginx =
        new ProcessBuilder(
                NGINX.toString(),
                "-p",
                prefix.toString(),
                "-c",
                prefix.resolve("nginx.conf").toString())
            .redirectErrorStream(true)
            .redirectOutput(prefix.resolve("logs/out.log").toFile())
            .start();
    var http = HttpClient.newHttpClient();
    for (int i = 0; i < 100; i++) {
      try {
        http.send(request("/course/health"), HttpResponse.BodyHandlers.discarding());
        return;
      } catch (java.io.IOException e) {
        Thread.sleep(50);
      }
    }
    throw new AssertionError(
        "nginx did not start: " + Files.readString(prefix.resolve("logs/out.log")));
  }

  @AfterAll
  static void stop() throws Exception {
    if (nginx != null) {
      nginx.destroy();
      nginx.waitFor(5, TimeUnit.SECONDS);
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theCoursePageIsServedUnderItsPath() throws Exception {
    var response =
        HttpClient.newHttpClient().send(request("/course/"), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("/course/assets/");
  }

  @Test
  void aPagesWebSocketStreamsARunThroughTheProxy() throws Exception {
    var events = new CopyOnWriteArrayList<JsonObject>();
    var ended = new CompletableFuture<Void>();
    WebSocket socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            // What a browser on the course page sends: the page's origin, with its port.
            .header("Origin", "http://127.0.0.1:" + port)
            .buildAsync(
                URI.create("ws://127.0.0.1:" + port + "/course/ws"),
                new WebSocket.Listener() {
                  final StringBuilder text = new StringBuilder();

                  @Override
                  public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                    text.append(data);
                    if (last) {
                      var event = new JsonObject(text.toString());
                      text.setLength(0);
                      events.add(event);
                      if (List.of("exit", "error").contains(event.getString("type"))) {
                        ended.complete(null);
                      }
                    }
                    ws.request(1);
                    return null;
                  }
                })
            .get(10, TimeUnit.SECONDS);
    socket
        .sendText(
            "{\"type\":\"run\",\"id\":\"r1\",\"lesson\":\"first-lesson\",\"example\":\"hello\"}",
            true)
        .get(5, TimeUnit.SECONDS);
    ended.get(20, TimeUnit.SECONDS);
    assertThat(events.stream().map(e -> e.getString("type")))
        .containsExactly("started", "stdout", "stdout", "exit");
    assertThat(events).allSatisfy(e -> assertThat(e.getString("id")).isEqualTo("r1"));
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
  }

  static HttpRequest request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(5))
        .build();
  }

  static int freePort() throws Exception {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static boolean fail() {
    throw new AssertionError("CI needs nginx: apt-get install -y nginx");
  }
}

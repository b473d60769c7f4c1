package dev.polyglot.playground.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyglot.playground.Fixtures;
import dev.polyglot.playground.Poll;
import dev.polyglot.playground.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Slow and greedy clients against a real server, over raw sockets: a request head that never
 * finishes is cut off, and one address cannot hold more than its share of connections.
 */
class ConnectionLimitsTest {
  TestServer server;
  final List<Socket> sockets = new ArrayList<>();

  void start(String... flags) {
    var args = new ArrayList<>(List.of("--snippets", Fixtures.VALID.toString()));
    args.addAll(List.of(flags));
    server = TestServer.start(args.toArray(String[]::new));
  }

  @AfterEach
  void stop() throws Exception {
    for (Socket s : sockets) {
      s.close();
    }
    server.close();
  }

  Socket connect() throws IOException {
    var socket = new Socket("127.0.0.1", server.playground().port());
    socket.setSoTimeout(100);
    sockets.add(socket);
    return socket;
  }

  /** True once the server has closed the connection (a read sees the end of the stream). */
  static boolean closedByServer(Socket socket) {
    try {
      InputStream in = socket.getInputStream();
      while (true) {
        int b = in.read();
        if (b < 0) {
          return true;
        }
      }
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // reset
    }
  }

  static String get(Socket socket, String path) throws IOException {
    socket
        .getOutputStream()
        .write(
            ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    socket.setSoTimeout(5000);
    byte[] head = new byte[12];
    int n = socket.getInputStream().readNBytes(head, 0, head.length);
    socket.setSoTimeout(100);
    return new String(head, 0, n, StandardCharsets.US_ASCII);
  }

  @Test
  void halfARequestLineAndThenSilenceIsClosedAtTheHeaderTimeout() throws Exception {
    start("--header-timeout", "1");
    Socket half = connect();
    half.getOutputStream().write("GET /lessons/first-le".getBytes(StandardCharsets.US_ASCII));
    Socket silent = connect();
    assertThat(closedByServer(half)).as("still open at first").isFalse();
    Poll.until("the slow heads are cut off", Duration.ofSeconds(5), () -> closedByServer(half));
    Poll.until("the silent one too", Duration.ofSeconds(5), () -> closedByServer(silent));
    var health = server.get("/health").send().await().bodyAsJsonObject();
    assertThat(health.getJsonObject("connections").getLong("timedOut")).isEqualTo(2);
  }

  @Test
  void aConnectionThatSentARequestStaysOpenForTheNext() throws Exception {
    start("--header-timeout", "1");
    Socket keepAlive = connect();
    assertThat(get(keepAlive, "/health")).isEqualTo("HTTP/1.1 200");
    Thread.sleep(1500); // past the header timeout: only the idle timeout applies now
    assertThat(closedByServer(keepAlive)).isFalse();
    assertThat(get(keepAlive, "/health")).isEqualTo("HTTP/1.1 200");
  }

  @Test
  void oneAddressGetsItsCapAndTheNextConnectionIsRefused() throws Exception {
    start("--max-connections-per-ip", "3");
    for (int i = 0; i < 3; i++) {
      assertThat(get(connect(), "/health")).isEqualTo("HTTP/1.1 200");
    }
    Socket fourth = connect();
    Poll.until("the fourth is refused", Duration.ofSeconds(5), () -> closedByServer(fourth));

    sockets.getFirst().close();
    Poll.until(
        "a place is free again",
        Duration.ofSeconds(5),
        () -> {
          try {
            return get(connect(), "/health").equals("HTTP/1.1 200");
          } catch (IOException e) {
            return false;
          }
        });
  }

  @Test
  void webSocketsCountTowardsTheCap() throws Exception {
    start("--max-connections-per-ip", "2");
    var http = HttpClient.newHttpClient();
    List<WebSocket> open = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      open.add(
          http.newWebSocketBuilder()
              .header("Origin", "http://127.0.0.1:" + server.playground().port())
              .buildAsync(
                  URI.create("ws://127.0.0.1:" + server.playground().port() + "/ws"),
                  new WebSocket.Listener() {})
              .get());
    }
    Socket third = connect();
    Poll.until(
        "the third connection is refused", Duration.ofSeconds(5), () -> closedByServer(third));
    open.forEach(ws -> ws.abort());
    http.close();
  }

  @Test
  void aClosedWebSocketGivesItsPlaceBack() throws Exception {
    // A browser that reconnects all day must never use up its address's cap.
    start("--max-connections-per-ip", "2");
    var http = HttpClient.newHttpClient();
    for (int i = 0; i < 8; i++) {
      var socket =
          http.newWebSocketBuilder()
              .header("Origin", "http://127.0.0.1:" + server.playground().port())
              .buildAsync(
                  URI.create("ws://127.0.0.1:" + server.playground().port() + "/ws"),
                  new WebSocket.Listener() {})
              .get(5, java.util.concurrent.TimeUnit.SECONDS);
      socket
          .sendClose(WebSocket.NORMAL_CLOSURE, "bye")
          .get(5, java.util.concurrent.TimeUnit.SECONDS);
      Poll.until(
          "the server saw the socket close",
          Duration.ofSeconds(5),
          () -> server.playground().runner() != null && openSockets() == 0);
    }
    http.close();
  }

  private long openSockets() {
    return server
        .get("/health")
        .send()
        .toCompletionStage()
        .toCompletableFuture()
        .join()
        .bodyAsJsonObject()
        .getLong("webSockets");
  }
}

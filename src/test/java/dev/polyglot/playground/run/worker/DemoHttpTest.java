package dev.polyglot.playground.run.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The demo API's HTTP over a real loopback socket, with the clients lessons use (the JDK's two) and
 * by hand for what they do not send: keep-alive, HTTP/1.0, bodies, HEAD, garbage.
 */
class DemoHttpTest {
  private ServerSocket server;
  private final List<String> targets = new CopyOnWriteArrayList<>();

  @BeforeEach
  void listen() throws IOException {
    server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
    Thread.ofPlatform()
        .daemon()
        .start(() -> {
          while (true) {
            Socket connection;
            try {
              connection = server.accept();
            } catch (IOException e) {
              return;
            }
            Thread.ofVirtual()
                .start(() ->
                    DemoHttp.serve(
                        connection,
                        target -> {
                          targets.add(target);
                          return target.startsWith("/missing")
                              ? new DemoHttp.Answer(404, "{\"error\":\"not found\"}")
                              : new DemoHttp.Answer(200, "{\"target\":\"" + target + "\"}");
                        }));
          }
        });
  }

  @AfterEach
  void close() throws IOException {
    server.close();
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.getLocalPort() + path;
  }

  @Test
  void theJdksHttpClientAsksForHttp2AndGetsHttp11() throws Exception {
    try (var client = HttpClient.newHttpClient()) {
      for (int i = 0; i < 3; i++) {
        var response =
            client.send(
                HttpRequest.newBuilder(URI.create(url("/api/users/1?delay=0"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo("{\"target\":\"/api/users/1?delay=0\"}");
      }
      var missing =
          client.send(
              HttpRequest.newBuilder(URI.create(url("/missing"))).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(missing.statusCode()).isEqualTo(404);
      assertThat(missing.body()).isEqualTo("{\"error\":\"not found\"}");
      var posted =
          client.send(
              HttpRequest.newBuilder(URI.create(url("/api/users")))
                  .expectContinue(true)
                  .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Grace\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(posted.statusCode()).isEqualTo(200);
      assertThat(posted.body()).isEqualTo("{\"target\":\"/api/users\"}");
    }
  }

  @Test
  void httpUrlConnectionToo() throws Exception {
    var connection = (HttpURLConnection) URI.create(url("/api/users/2")).toURL().openConnection();
    try (InputStream in = connection.getInputStream()) {
      assertThat(connection.getResponseCode()).isEqualTo(200);
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("{\"target\":\"/api/users/2\"}");
    }
  }

  @Test
  void requestsOnOneConnectionAreAnsweredInOrderWithTheirBodiesSkipped() throws Exception {
    String requests =
        "GET /a HTTP/1.1\r\nHost: x\r\n\r\n"
            + "POST /b HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello"
            + "PUT /c HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3;x=y\r\nabc\r\n0\r\nT: 1\r\n\r\n"
            + "HEAD /d HTTP/1.1\r\n\r\n"
            + "GET /e HTTP/1.1\r\nConnection: close\r\n\r\n";
    String answers = exchange(requests);
    assertThat(answers.split("HTTP/1.1 200 OK", -1)).hasSize(6);
    assertThat(answers)
        .contains("{\"target\":\"/a\"}", "{\"target\":\"/b\"}", "{\"target\":\"/c\"}")
        .doesNotContain("{\"target\":\"/d\"}")
        .endsWith("Connection: close\r\n\r\n{\"target\":\"/e\"}");
    assertThat(targets).containsExactly("/a", "/b", "/c", "/d", "/e");
  }

  @Test
  void http10ClosesUnlessAskedToKeepAlive() throws Exception {
    assertThat(exchange("GET /old HTTP/1.0\r\n\r\n")).contains("Connection: close");
    assertThat(exchange("GET /k HTTP/1.0\r\nConnection: keep-alive\r\n\r\nGET /z HTTP/1.0\r\n\r\n"))
        .contains("{\"target\":\"/k\"}", "{\"target\":\"/z\"}");
  }

  @Test
  void whatIsNotHttpGetsA400AndTheConnectionEnds() throws Exception {
    for (String garbage :
        new String[] {
          "hello\r\n\r\n",
          "GET /x SPDY/3\r\n\r\n",
          "GET /x HTTP/1.1\r\nno colon here\r\n\r\n",
          "POST /x HTTP/1.1\r\nContent-Length: -1\r\n\r\n",
          "GET /" + "x".repeat(DemoHttp.MAX_LINE) + " HTTP/1.1\r\n\r\n"
        }) {
      String answer = exchange(garbage + "GET /after HTTP/1.1\r\n\r\n");
      assertThat(answer).as(garbage).startsWith("HTTP/1.1 400 Bad Request");
      assertThat(answer).as(garbage).contains("Connection: close").doesNotContain("/after");
    }
  }

  /** Sends {@code requests} on one connection and reads until the server closes it. */
  private String exchange(String requests) throws IOException {
    try (var socket = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(requests.getBytes(StandardCharsets.ISO_8859_1));
      var all = new ByteArrayOutputStream();
      socket.getInputStream().transferTo(all);
      return all.toString(StandardCharsets.ISO_8859_1);
    }
  }
}

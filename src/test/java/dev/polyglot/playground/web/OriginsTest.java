package dev.polyglot.playground.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyglot.playground.Fixtures;
import dev.polyglot.playground.TestServer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Who may open {@code /ws}: the handshake's answer for each Origin, Host and proxy header. */
@ExtendWith(VertxExtension.class)
class OriginsTest {
  TestServer server;

  @BeforeEach
  void start() {
    server =
        TestServer.start(
            "--snippets",
            Fixtures.VALID.toString(),
            "--allowed-origins",
            "https://docs.example.org");
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @ParameterizedTest(name = "Origin {0}, Host {1}, X-Forwarded-Host {2}: {3}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "-|course.example.org|-|101",
        "https://course.example.org|course.example.org|-|101",
        "https://COURSE.example.org|course.example.org|-|101",
        "https://course.example.org:443|course.example.org|-|101",
        "http://course.example.org:8080|course.example.org:8080|-|101",
        "https://course.example.org|127.0.0.1:8080|course.example.org|101",
        "https://docs.example.org|course.example.org|-|101",
        "https://evil.example|course.example.org|-|403",
        "https://course.example.org.evil.example|course.example.org|-|403",
        "http://course.example.org:8081|course.example.org:8080|-|403",
        "null|course.example.org|-|403",
      })
  void theHandshakeIsAnsweredByOrigin(
      String origin, String host, String forwarded, int status, VertxTestContext ctx) {
    var request =
        server
            .get("/ws")
            .putHeader(HttpHeaders.HOST.toString(), host)
            .putHeader("Upgrade", "websocket")
            .putHeader("Connection", "Upgrade")
            .putHeader("Sec-WebSocket-Version", "13")
            .putHeader("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==");
    if (origin != null) {
      request.putHeader("Origin", origin);
    }
    if (forwarded != null) {
      request.putHeader("X-Forwarded-Host", forwarded);
    }
    request
        .send()
        .onComplete(
            ctx.succeeding(r ->
                ctx.verify(() -> {
                  assertThat(r.statusCode()).isEqualTo(status);
                  ctx.completeNow();
                })));
  }
}

package dev.polyglot.playground.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyglot.playground.Fixtures;
import dev.polyglot.playground.Poll;
import dev.polyglot.playground.TestServer;
import dev.polyglot.playground.run.FakeRunner;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code /ws} against the fake runner: multiplexing, bad input, origins and disconnects. */
@ExtendWith(VertxExtension.class)
class RunSocketTest {
  static final String HELLO = "\"lesson\":\"first-lesson\",\"example\":\"hello\"";

  TestServer server;
  // Held in a field: Vert.x closes a client, and its connections, once it is garbage.
  WebSocketClient sockets;
  final AtomicReference<FakeRunner> fake = new AtomicReference<>();

  /** A server whose fake runs print {@code lines} lines, one every {@code everyMs}. */
  void start(int lines, long everyMs, String... flags) {
    var args = new ArrayList<>(List.of("--snippets", Fixtures.VALID.toString()));
    args.addAll(List.of(flags));
    server =
        TestServer.start(
            (vertx, c) -> {
              fake.set(new FakeRunner(vertx, r -> FakeRunner.lines(r, lines, everyMs)));
              return Future.succeededFuture(fake.get());
            },
            args.toArray(String[]::new));
  }

  @AfterEach
  void stop() throws Exception {
    if (sockets != null) {
      sockets.close();
    }
    server.close();
  }

  /** A connected socket and every message it has received, in order. */
  record Client(WebSocket socket, List<JsonObject> received) {
    void send(String text) {
      socket.writeTextMessage(text);
    }

    List<JsonObject> of(String id) {
      return received.stream().filter(e -> id.equals(e.getValue("id"))).toList();
    }
  }

  Future<Client> connect(String origin) {
    var options =
        new WebSocketConnectOptions()
            .setHost("127.0.0.1")
            .setPort(server.playground().port())
            .setURI("/ws");
    if (origin != null) {
      options.putHeader("Origin", origin);
    }
    List<JsonObject> received = new CopyOnWriteArrayList<>();
    if (sockets == null) {
      sockets = server.playground().vertx().createWebSocketClient();
    }
    return sockets
        .connect(options)
        .map(socket -> {
          socket.textMessageHandler(text -> received.add(new JsonObject(text)));
          return new Client(socket, received);
        });
  }

  /** Completes once some received message matches. */
  Future<Void> until(Client client, Predicate<List<JsonObject>> done) {
    return eventually(() -> done.test(new ArrayList<>(client.received())));
  }

  Future<Void> eventually(java.util.function.BooleanSupplier condition) {
    return Poll.eventually(server.playground().vertx(), condition);
  }

  static boolean ended(List<JsonObject> events, String id) {
    return events.stream()
        .anyMatch(e ->
            id.equals(e.getValue("id"))
                && ("exit".equals(e.getString("type")) || "error".equals(e.getString("type"))));
  }

  static List<String> types(List<JsonObject> events) {
    return events.stream().map(e -> e.getString("type")).toList();
  }

  @Test
  void twoRunsShareOneSocketEachNumberedOnItsOwn(VertxTestContext ctx) {
    start(3, 100);
    connect(null)
        .compose(client -> {
          client.send("{\"type\":\"run\",\"id\":\"a\"," + HELLO + "}");
          client.send("{\"type\":\"run\",\"id\":\"b\"," + HELLO + "}");
          return until(client, all -> ended(all, "a") && ended(all, "b")).map(client);
        })
        .onComplete(
            ctx.succeeding(client ->
                ctx.verify(() -> {
                  for (String id : List.of("a", "b")) {
                    assertThat(types(client.of(id)))
                        .containsExactly("started", "stdout", "stdout", "stdout", "exit");
                    assertThat(client.of(id))
                        .extracting(e -> e.getLong("seq"))
                        .containsExactly(1L, 2L, 3L, 4L, 5L);
                  }
                  // Interleaved: b started before a finished, so they really ran side by side.
                  List<JsonObject> all = client.received();
                  int aExit = all.indexOf(client.of("a").getLast());
                  int bStart = all.indexOf(client.of("b").getFirst());
                  assertThat(bStart).isLessThan(aExit);
                  assertThat(fake.get().startedCount()).isEqualTo(2);
                  ctx.completeNow();
                })));
  }

  @Test
  void badMessagesAreAnsweredAndTheSocketStaysOpen(VertxTestContext ctx) {
    start(1, 10);
    connect(null)
        .compose(client -> {
          client.send("this is not json");
          client.send("[1, 2, 3]");
          client.socket().writeBinaryMessage(Buffer.buffer(new byte[] {1, 2, 3}));
          client.send("{\"type\":\"dance\",\"id\":\"x\"}");
          client.send("{\"type\":\"run\"," + HELLO + "}");
          client.send("{\"type\":\"run\",\"id\":\"nope\",\"lesson\":\"nope\",\"example\":\"e\"}");
          client.send("{\"type\":\"cancel\",\"id\":\"never-started\"}");
          client.send("{\"type\":\"ping\"}");
          // After all that, a good run still works on the same socket.
          client.send("{\"type\":\"run\",\"id\":\"ok\"," + HELLO + "}");
          return until(client, all -> ended(all, "ok")).map(client);
        })
        .onComplete(
            ctx.succeeding(client ->
                ctx.verify(() -> {
                  List<JsonObject> all = client.received();
                  List<JsonObject> errors =
                      all.stream().filter(e -> "error".equals(e.getString("type"))).toList();
                  assertThat(errors)
                      .extracting(e -> e.getString("message"))
                      .satisfiesExactly(
                          m -> assertThat(m).contains("must be a JSON object"),
                          m -> assertThat(m).contains("must be a JSON object"),
                          m -> assertThat(m).contains("not binary"),
                          m -> assertThat(m).contains("Unknown message type dance"),
                          m -> assertThat(m).contains("needs an \"id\""),
                          m -> assertThat(m).contains("Unknown lesson 'nope'"));
                  assertThat(errors.get(3).getString("id")).isEqualTo("x");
                  assertThat(errors.get(5).getString("id")).isEqualTo("nope");
                  assertThat(errors).allSatisfy(e -> assertThat(e.getLong("seq")).isEqualTo(1L));
                  assertThat(errors)
                      .allSatisfy(e -> assertThat(e.getString("reason")).isEqualTo("invalid"));
                  assertThat(types(all)).contains("pong");
                  assertThat(types(client.of("ok"))).endsWith("exit");
                  assertThat(client.socket().isClosed()).isFalse();
                  ctx.completeNow();
                })));
  }

  @Test
  void anotherSitesPageIsRefusedUnlessAllowed(VertxTestContext ctx) {
    start(1, 10, "--allowed-origins", "https://docs.example.org");
    int port = server.playground().port();
    Future<Client> evil = connect("https://evil.example");
    Future<Client> listed = connect("https://docs.example.org");
    Future<Client> own = connect("http://127.0.0.1:" + port);
    Future.join(evil, listed, own)
        .onComplete(x ->
            ctx.verify(() -> {
              assertThat(evil.failed()).isTrue();
              assertThat(evil.cause()).isInstanceOf(UpgradeRejectedException.class);
              assertThat(((UpgradeRejectedException) evil.cause()).getStatus()).isEqualTo(403);
              assertThat(listed.succeeded()).isTrue();
              assertThat(own.succeeded()).isTrue();
              ctx.completeNow();
            }));
  }

  @Test
  void closingTheSocketCancelsItsRuns(VertxTestContext ctx) {
    start(100, 100);
    connect(null)
        .compose(client -> {
          client.send("{\"type\":\"run\",\"id\":\"long\"," + HELLO + "}");
          return until(client, all -> types(all).contains("stdout")).map(client);
        })
        .compose(client -> client.socket().close())
        .compose(v -> eventually(() -> fake.get().cancelledCount() == 1))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void cancelEndsOneRunAndLeavesTheOther(VertxTestContext ctx) {
    start(20, 100);
    connect(null)
        .compose(client -> {
          client.send("{\"type\":\"run\",\"id\":\"keep\"," + HELLO + "}");
          client.send("{\"type\":\"run\",\"id\":\"stop\"," + HELLO + "}");
          return until(client, all -> client.of("stop").size() >= 2).map(client);
        })
        .compose(client -> {
          client.send("{\"type\":\"cancel\",\"id\":\"stop\"}");
          return until(client, all -> ended(all, "stop") && client.of("keep").size() > 4)
              .map(client);
        })
        .onComplete(
            ctx.succeeding(client ->
                ctx.verify(() -> {
                  assertThat(types(client.of("stop"))).endsWith("error");
                  assertThat(client.of("stop").getLast().getString("reason"))
                      .isEqualTo("cancelled");
                  assertThat(ended(client.received(), "keep")).isFalse();
                  assertThat(fake.get().cancelledCount()).isEqualTo(1);
                  ctx.completeNow();
                })));
  }

  @Test
  void aBadMessageNamingARunThatIsGoingDoesNotEndIt(VertxTestContext ctx) {
    start(20, 100);
    connect(null)
        .compose(client -> {
          client.send("{\"type\":\"run\",\"id\":\"live\"," + HELLO + "}");
          return until(client, all -> client.of("live").size() >= 2).map(client);
        })
        .compose(client -> {
          client.send("{\"type\":\"dance\",\"id\":\"live\"}");
          return until(client, all -> all.stream().anyMatch(e -> e.getValue("id") == null))
              .map(client);
        })
        .onComplete(
            ctx.succeeding(client ->
                ctx.verify(() -> {
                  assertThat(client.of("live")).noneMatch(e -> "error".equals(e.getString("type")));
                  assertThat(ended(client.received(), "live")).isFalse();
                  ctx.completeNow();
                })));
  }

  @Test
  void oneBrowserMayHaveFourRunsGoingAndTheFifthIsRefused(VertxTestContext ctx) {
    start(50, 100, "--max-runs", "16", "--max-queue", "16");
    connect(null)
        .compose(client -> {
          for (int i = 1; i <= 5; i++) {
            client.send("{\"type\":\"run\",\"id\":\"r" + i + "\"," + HELLO + "}");
          }
          return until(client, all -> ended(all, "r5")).map(client);
        })
        .onComplete(
            ctx.succeeding(client ->
                ctx.verify(() -> {
                  assertThat(types(client.of("r5"))).containsExactly("error");
                  assertThat(client.of("r5").getFirst().getString("message"))
                      .contains("already has 4 runs");
                  assertThat(client.of("r5").getFirst().getString("reason")).isEqualTo("busy");
                  assertThat(fake.get().startedCount()).isEqualTo(4);
                  ctx.completeNow();
                })));
  }

  @Test
  void aBrowserThatKeepsSendingRunsIsToldToWait(VertxTestContext ctx) {
    start(1, 10, "--runs-per-minute-per-client", "3");
    connect(null)
        .compose(client -> {
          for (int i = 1; i <= 4; i++) {
            client.send("{\"type\":\"run\",\"id\":\"r" + i + "\"," + HELLO + "}");
          }
          return until(client, all -> ended(all, "r4") && ended(all, "r3")).map(client);
        })
        .onComplete(
            ctx.succeeding(client ->
                ctx.verify(() -> {
                  assertThat(types(client.of("r3"))).endsWith("exit");
                  assertThat(types(client.of("r4"))).containsExactly("error");
                  assertThat(client.of("r4").getFirst().getString("reason")).isEqualTo("busy");
                  assertThat(client.of("r4").getFirst().getString("message"))
                      .contains("started 3 runs in the last minute");
                  ctx.completeNow();
                })));
  }

  @Test
  void aPlainRequestIsToldToUpgrade(VertxTestContext ctx) {
    start(1, 10);
    server
        .get("/ws")
        .send()
        .onComplete(
            ctx.succeeding(resp ->
                ctx.verify(() -> {
                  assertThat(resp.statusCode()).isEqualTo(426);
                  assertThat(resp.bodyAsString()).contains("WebSocket");
                  ctx.completeNow();
                })));
  }

  @Test
  void anOversizedMessageClosesTheSocketWithMessageTooBig(VertxTestContext ctx) {
    start(1, 10, "--max-source", "1");
    connect(null)
        .compose(client -> {
          Promise<Short> closed = Promise.promise();
          client.socket().closeHandler(v -> closed.complete(client.socket().closeStatusCode()));
          client.send(
              new JsonObject()
                  .put("type", "run")
                  .put("id", "big")
                  .put("source", "x".repeat(20_000))
                  .encode());
          return closed.future();
        })
        .compose(code -> connect(null).map(code))
        .onComplete(
            ctx.succeeding(code ->
                ctx.verify(() -> {
                  // Netty answers 1009 (message too big); the client may only see the TCP close.
                  assertThat(code).isIn((short) 1009, (short) 1006);
                  ctx.completeNow();
                })));
  }
}

package dev.polyglot.playground.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyglot.playground.Fixtures;
import dev.polyglot.playground.TestServer;
import dev.polyglot.playground.content.Language;
import dev.polyglot.playground.run.FakeRunner;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** POST /api/run as NDJSON, against the fake runner: the transport, not the JVMs. */
@ExtendWith(VertxExtension.class)
class RunApiTest {
  TestServer server;
  final AtomicReference<FakeRunner> fake = new AtomicReference<>();

  void start(int maxRuns, int maxQueue, int lines, long everyMs, String... more) {
    var args =
        new ArrayList<>(
            List.of(
                "--snippets",
                Fixtures.VALID.toString(),
                "--max-runs",
                String.valueOf(maxRuns),
                "--max-queue",
                String.valueOf(maxQueue)));
    args.addAll(List.of(more));
    server =
        TestServer.start(
            (vertx, c) -> {
              fake.set(new FakeRunner(vertx, r -> FakeRunner.lines(r, lines, everyMs)));
              return Future.succeededFuture(fake.get());
            },
            args.toArray(String[]::new));
  }

  // Held in a field: Vert.x closes a client, and its connections, once it is garbage.
  HttpClient http;

  HttpClient http() {
    if (http == null) {
      http = server.playground().vertx().createHttpClient();
    }
    return http;
  }

  @AfterEach
  void stop() throws Exception {
    if (http != null) {
      http.close();
    }
    server.close();
  }

  private RequestOptions runRequest() {
    return new RequestOptions()
        .setMethod(HttpMethod.POST)
        .setHost("127.0.0.1")
        .setPort(server.playground().port())
        .setURI("/api/run");
  }

  /**
   * Posts a body and collects the NDJSON lines with the status code. Sent from a Vert.x context, so
   * that the response's handlers are set on the thread that reads it, before its body arrives: from
   * the test's own thread, a short answer could end before they were set.
   */
  private Future<Reply> post(String body) {
    Promise<Reply> reply = Promise.promise();
    server
        .playground()
        .vertx()
        .getOrCreateContext()
        .runOnContext(v -> send(body).onComplete(reply));
    return reply.future();
  }

  private Future<Reply> send(String body) {
    HttpClient client = http();
    RequestOptions options = runRequest();
    return client
        .request(options)
        .compose(req -> req.send(Buffer.buffer(body)))
        .compose(resp -> {
          Promise<Reply> reply = Promise.promise();
          var chunks = new ArrayList<String>();
          resp.handler(b -> chunks.add(b.toString()));
          resp.endHandler(v -> reply.complete(new Reply(resp, chunks)));
          return reply.future();
        });
  }

  record Reply(HttpClientResponse response, List<String> chunks) {
    List<JsonObject> events() {
      return String.join("", chunks).lines().map(JsonObject::new).toList();
    }

    List<String> types() {
      return events().stream().map(e -> e.getString("type")).toList();
    }
  }

  @Test
  void streamsNumberedEventsWhileTheRunGoesOn(VertxTestContext ctx) {
    start(2, 4, 3, 150);
    post("{\"lesson\":\"first-lesson\",\"example\":\"hello\",\"id\":\"r1\"}")
        .onComplete(
            ctx.succeeding(reply ->
                ctx.verify(() -> {
                  assertThat(reply.response().statusCode()).isEqualTo(200);
                  assertThat(reply.response().getHeader("Content-Type"))
                      .isEqualTo("application/x-ndjson");
                  assertThat(reply.types())
                      .containsExactly("started", "stdout", "stdout", "stdout", "exit");
                  assertThat(reply.events()).extracting(e -> e.getString("id")).containsOnly("r1");
                  assertThat(reply.events())
                      .extracting(e -> e.getLong("seq"))
                      .containsExactly(1L, 2L, 3L, 4L, 5L);
                  // Written as they happened, not in one piece at the end.
                  assertThat(reply.chunks().size()).isGreaterThanOrEqualTo(4);
                  assertThat(fake.get().requests().getFirst().bundled()).isTrue();
                  ctx.completeNow();
                })));
  }

  @Test
  void aChallengesRunIsJudgedJustBeforeItsExit(VertxTestContext ctx) {
    start(2, 4, 2, 10);
    post("{\"lesson\":\"first-lesson\",\"challenge\":\"say-hello\",\"source\":\"print(1)\\n\"}")
        .onComplete(
            ctx.succeeding(reply ->
                ctx.verify(() -> {
                  assertThat(reply.types())
                      .containsExactly("started", "stdout", "stdout", "checked", "exit");
                  var checked = reply.events().get(3);
                  assertThat(checked.getBoolean("passed")).isFalse();
                  assertThat(checked.getJsonArray("results").stream())
                      .extracting(r -> ((io.vertx.core.json.JsonObject) r).getBoolean("passed"))
                      .containsExactly(true, false);
                  var request = fake.get().requests().getFirst();
                  assertThat(request.language()).isEqualTo(Language.PYTHON);
                  assertThat(request.bundled()).isFalse();
                  assertThat(request.source()).isEqualTo("print(1)\n");
                  ctx.completeNow();
                })));
  }

  @Test
  void editedSourceRunsAsEditedCode(VertxTestContext ctx) {
    start(2, 4, 1, 10);
    post("{\"lesson\":\"first-lesson\",\"example\":\"hello\",\"source\":\"void main() {}\"}")
        .onComplete(
            ctx.succeeding(reply ->
                ctx.verify(() -> {
                  assertThat(reply.types()).endsWith("exit");
                  assertThat(fake.get().requests().getFirst().bundled()).isFalse();
                  assertThat(fake.get().requests().getFirst().source()).isEqualTo("void main() {}");
                  ctx.completeNow();
                })));
  }

  @Test
  void aLanguageChoosesItsVariantsAndJavaIsTheDefault(VertxTestContext ctx) {
    start(2, 4, 1, 10);
    post("{\"lesson\":\"first-lesson\",\"example\":\"hello\",\"language\":\"python\"}")
        .compose(python ->
            post("{\"lesson\":\"first-lesson\",\"example\":\"hello\"}").map(java -> python))
        .onComplete(
            ctx.succeeding(python ->
                ctx.verify(() -> {
                  assertThat(python.types()).endsWith("exit");
                  var requests = fake.get().requests();
                  assertThat(requests.get(0).language()).isEqualTo(Language.PYTHON);
                  assertThat(requests.get(0).bundled()).isTrue();
                  assertThat(requests.get(0).fileName()).isEqualTo("main.py");
                  assertThat(requests.get(0).source()).contains("print(");
                  assertThat(requests.get(1).language()).isEqualTo(Language.JAVA);
                  ctx.completeNow();
                })));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "not json|400|must be a JSON object",
        "[1,2]|400|must be a JSON object",
        "{}|400|needs \"lesson\" and either \"example\" or \"challenge\"",
        "{\"lesson\":\"first-lesson\",\"example\":\"hello\",\"challenge\":\"x\"}|400|either \"example\" or \"challenge\"",
        "{\"lesson\":\"first-lesson\",\"challenge\":\"nope\"}|404|has no challenge 'nope'",
        "{\"lesson\":\"nope\",\"example\":\"hello\"}|404|Unknown lesson 'nope'",
        "{\"lesson\":\"first-lesson\",\"example\":\"nope\"}|404|has no example 'nope'",
        "{\"lesson\":\"second-lesson\",\"example\":\"wait-all\"}|400|several Java variants; say which: sequential, concurrent",
        "{\"lesson\":\"second-lesson\",\"example\":\"wait-all\",\"variant\":\"x\"}|404|no Java variant 'x'",
        "{\"lesson\":\"first-lesson\",\"example\":\"hello\",\"source\":42}|400|must be text",
        "{\"lesson\":\"first-lesson\",\"example\":\"hello\",\"language\":\"cobol\"}|400|must be one of: python, javascript, java",
        "{\"lesson\":\"first-lesson\",\"example\":\"hello\",\"language\":7}|400|must be one of",
        "{\"lesson\":\"first-lesson\",\"example\":\"hello\",\"language\":\"csharp\"}|404|C# does not run on this playground",
        "{\"lesson\":\"second-lesson\",\"example\":\"wait-all\",\"language\":\"python\",\"variant\":\"x\"}|404|no Python variant 'x'",
      })
  void badRequestsEndInOneErrorEvent(
      String body, int status, String message, VertxTestContext ctx) {
    start(2, 4, 1, 10);
    post(body)
        .onComplete(
            ctx.succeeding(reply ->
                ctx.verify(() -> {
                  assertThat(reply.response().statusCode()).isEqualTo(status);
                  assertThat(reply.types()).containsExactly("error");
                  assertThat(reply.events().getFirst().getString("message")).contains(message);
                  assertThat(reply.events().getFirst().getString("reason")).isEqualTo("invalid");
                  assertThat(fake.get().startedCount()).isZero();
                  ctx.completeNow();
                })));
  }

  @Test
  void oversizedSourceHitsTheSourceSizeLimit(VertxTestContext ctx) {
    start(2, 4, 1, 10);
    String big = "x".repeat(65 * 1024);
    post(new JsonObject()
            .put("lesson", "first-lesson")
            .put("example", "hello")
            .put("source", big)
            .encode())
        .onComplete(
            ctx.succeeding(reply ->
                ctx.verify(() -> {
                  assertThat(reply.response().statusCode()).isEqualTo(413);
                  assertThat(reply.types()).containsExactly("limit", "error");
                  assertThat(reply.events().getFirst().getString("kind")).isEqualTo("source-size");
                  assertThat(reply.events().getLast().getString("reason")).isEqualTo("limit");
                  ctx.completeNow();
                })));
  }

  @Test
  void waitingRunsHearTheirPlaceAndTheQueueHasAnEnd(VertxTestContext ctx) {
    // Far enough apart that a busy machine still sends them in order, while the first runs on.
    start(1, 1, 3, 500);
    String body = "{\"lesson\":\"first-lesson\",\"example\":\"hello\"}";
    Future<Reply> first = post(body);
    Future<Reply> second = delay(400).compose(x -> post(body));
    Future<Reply> third = delay(800).compose(x -> post(body));
    Future.all(first, second, third)
        .onComplete(
            ctx.succeeding(all ->
                ctx.verify(() -> {
                  assertThat(first.result().types())
                      .containsExactly("started", "stdout", "stdout", "stdout", "exit");
                  assertThat(second.result().types())
                      .containsExactly("queued", "started", "stdout", "stdout", "stdout", "exit");
                  assertThat(second.result().events().getFirst().getInteger("position"))
                      .isEqualTo(1);
                  assertThat(third.result().types()).containsExactly("error");
                  assertThat(third.result().events().getFirst().getString("message"))
                      .contains("try again");
                  assertThat(third.result().events().getFirst().getString("reason"))
                      .isEqualTo("busy");
                  ctx.completeNow();
                })));
  }

  @Test
  void oneAddressMayHaveOnlyItsShareOfRunsGoing(VertxTestContext ctx) {
    start(16, 16, 20, 100, "--max-runs-per-ip", "2");
    String body = "{\"lesson\":\"first-lesson\",\"example\":\"hello\"}";
    Future<Reply> first = post(body);
    Future<Reply> second = post(body);
    Future<Reply> third =
        waitFor(() -> fake.get() != null && fake.get().startedCount() == 2, 20)
            .compose(x -> post(body));
    third
        .onComplete(
            ctx.succeeding(reply ->
                ctx.verify(() -> {
                  assertThat(reply.response().statusCode()).isEqualTo(429);
                  assertThat(reply.response().getHeader("Retry-After")).isEqualTo("2");
                  assertThat(reply.types()).containsExactly("error");
                  JsonObject error = reply.events().getFirst();
                  assertThat(error.getString("reason")).isEqualTo("busy");
                  assertThat(error.getString("message")).contains("already has 2 runs");
                  assertThat(fake.get().startedCount()).isEqualTo(2);
                })))
        .compose(x -> Future.all(first, second))
        .onComplete(
            ctx.succeeding(all ->
                ctx.verify(() -> {
                  assertThat(first.result().types()).endsWith("exit");
                  assertThat(second.result().types()).endsWith("exit");
                  ctx.completeNow();
                })));
  }

  @Test
  void aClientThatKeepsSendingRunsIsToldWhenToComeBack(VertxTestContext ctx) {
    start(16, 16, 1, 10, "--runs-per-minute-per-client", "3");
    String body = "{\"lesson\":\"first-lesson\",\"example\":\"hello\"}";
    post(body)
        .compose(x -> post(body))
        .compose(x -> post(body))
        .compose(x -> post(body))
        .onComplete(
            ctx.succeeding(fourth ->
                ctx.verify(() -> {
                  assertThat(fourth.response().statusCode()).isEqualTo(429);
                  // A token comes back every 20 s at three a minute.
                  assertThat(Integer.parseInt(fourth.response().getHeader("Retry-After")))
                      .isBetween(1, 20);
                  assertThat(fourth.events().getFirst().getString("reason")).isEqualTo("busy");
                  assertThat(fourth.events().getFirst().getString("message"))
                      .contains("started 3 runs in the last minute");
                  assertThat(fake.get().startedCount()).isEqualTo(3);
                  ctx.completeNow();
                })));
  }

  @Test
  void aClientThatGoesAwayCancelsItsRun(VertxTestContext ctx) {
    start(2, 4, 50, 100);
    HttpClient client = http();
    RequestOptions options = runRequest();
    client
        .request(options)
        .compose(
            req -> req.send(Buffer.buffer("{\"lesson\":\"first-lesson\",\"example\":\"hello\"}")))
        .compose(resp -> {
          Promise<Void> firstLine = Promise.promise();
          resp.handler(b -> firstLine.tryComplete());
          return firstLine.future().compose(x -> resp.request().connection().close());
        })
        .compose(x -> waitFor(() -> fake.get().cancelledCount() == 1, 50))
        .onComplete(ctx.succeedingThenComplete());
  }

  private Future<Void> delay(long ms) {
    Promise<Void> p = Promise.promise();
    server.playground().vertx().setTimer(ms, t -> p.complete());
    return p.future();
  }

  private Future<Void> waitFor(java.util.function.BooleanSupplier condition, int tries) {
    if (condition.getAsBoolean()) {
      return Future.succeededFuture();
    }
    if (tries == 0) {
      return Future.failedFuture("condition never held");
    }
    return delay(100).compose(x -> waitFor(condition, tries - 1));
  }
}

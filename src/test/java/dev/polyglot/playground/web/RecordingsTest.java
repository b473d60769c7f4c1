package dev.polyglot.playground.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyglot.playground.Fixtures;
import dev.polyglot.playground.TestServer;
import dev.polyglot.playground.run.FakeRunner;
import dev.polyglot.playground.run.RunEvent;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Recorded runs for replay: made by one real run, then served from memory. */
@ExtendWith(VertxExtension.class)
class RecordingsTest {
  static final String HELLO = "/api/recordings/first-lesson/hello/main";

  TestServer server;
  final AtomicReference<FakeRunner> fake = new AtomicReference<>();

  /** The first run exits with {@code firstCode}, later ones with 0. */
  void start(int firstCode) {
    var runs = new AtomicInteger();
    server =
        TestServer.start(
            (vertx, c) -> {
              fake.set(
                  new FakeRunner(
                      vertx,
                      r -> {
                        int code = runs.getAndIncrement() == 0 ? firstCode : 0;
                        return List.of(
                            new FakeRunner.Step(0, new RunEvent.Started()),
                            new FakeRunner.Step(
                                20,
                                new RunEvent.Output(
                                    RunEvent.Output.Stream.STDOUT, "hello", 20.5, "main")),
                            new FakeRunner.Step(0, new RunEvent.Exit(code, 21, 3)));
                      }));
              return Future.succeededFuture(fake.get());
            },
            "--snippets",
            Fixtures.VALID.toString());
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  /** Two requests for the same path, one after the other. */
  Future<List<HttpResponse<Buffer>>> twice(String path) {
    return server
        .get(path)
        .send()
        .compose(first -> server.get(path).send().map(second -> List.of(first, second)));
  }

  @Test
  void theFirstRequestRecordsARealRunAndLaterOnesReuseIt(VertxTestContext ctx) {
    start(0);
    twice(HELLO)
        .onComplete(
            ctx.succeeding(both ->
                ctx.verify(() -> {
                  for (var r : both) {
                    assertThat(r.statusCode()).isEqualTo(200);
                    assertThat(r.getHeader("Access-Control-Allow-Origin")).isEqualTo("*");
                  }
                  JsonObject recording = both.get(1).bodyAsJsonObject();
                  assertThat(recording.getString("recordedAt")).isNotBlank();
                  assertThat(
                          recording.getJsonArray("events").stream()
                              .map(e -> ((JsonObject) e).getString("type")))
                      .containsExactly("started", "stdout", "exit");
                  assertThat(recording.getJsonArray("events").getJsonObject(1).getDouble("t"))
                      .isEqualTo(20.5);
                  assertThat(both.get(0).bodyAsString()).isEqualTo(both.get(1).bodyAsString());
                  assertThat(fake.get().startedCount()).isEqualTo(1);
                  ctx.completeNow();
                })));
  }

  @Test
  void aFailedRunIsNotKeptAndTheNextRequestTriesAgain(VertxTestContext ctx) {
    start(1);
    twice(HELLO)
        .onComplete(
            ctx.succeeding(both ->
                ctx.verify(() -> {
                  assertThat(both.get(0).statusCode()).isEqualTo(503);
                  assertThat(both.get(0).bodyAsJsonObject().getString("error"))
                      .contains("exited with code 1");
                  assertThat(both.get(1).statusCode()).isEqualTo(200);
                  assertThat(fake.get().startedCount()).isEqualTo(2);
                  ctx.completeNow();
                })));
  }

  @Test
  void unknownVariantsAre404(VertxTestContext ctx) {
    start(0);
    server
        .get("/api/recordings/first-lesson/hello/nope")
        .send()
        .onComplete(
            ctx.succeeding(r ->
                ctx.verify(() -> {
                  assertThat(r.statusCode()).isEqualTo(404);
                  assertThat(r.bodyAsJsonObject().getString("error")).contains("nope");
                  assertThat(fake.get().startedCount()).isZero();
                  ctx.completeNow();
                })));
  }
}

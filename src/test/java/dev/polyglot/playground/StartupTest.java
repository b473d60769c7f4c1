package dev.polyglot.playground;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyglot.playground.run.FakeGauge;
import dev.polyglot.playground.run.FakeRunner;
import dev.polyglot.playground.run.Runner;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Pages are served while the runner is still starting (seconds, on a first start); runs wait for
 * it, queued, and a runner that cannot start ends them as unavailable.
 */
class StartupTest {
  private final Promise<Runner> runner = Promise.promise();
  private Playground playground;
  private WebClient client;
  private HttpClient http;

  private void start() throws Exception {
    Config config = TestServer.config("--snippets", Fixtures.VALID.toString());
    playground =
        Playground.start(config, (vertx, c) -> runner.future(), new FakeGauge())
            .toCompletionStage()
            .toCompletableFuture()
            .get(60, TimeUnit.SECONDS);
    var options =
        new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(playground.port());
    client = WebClient.create(playground.vertx(), options);
    http = playground.vertx().createHttpClient();
  }

  @AfterEach
  void stop() throws Exception {
    if (!runner.future().isComplete()) {
      runner.fail("the test is over");
    }
    if (playground != null) {
      playground.closeAndWait();
    }
  }

  private <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  /** Posts a run and collects its NDJSON lines as they come. */
  private Future<Void> run(List<JsonObject> events) {
    var options =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setHost("127.0.0.1")
            .setPort(playground.port())
            .setURI("/api/run");
    String body = "{\"lesson\":\"first-lesson\",\"example\":\"hello\"}";
    return http.request(options)
        .compose(req -> req.send(Buffer.buffer(body)))
        .compose(resp -> {
          Promise<Void> ended = Promise.promise();
          var pending = new StringBuilder();
          resp.handler(chunk -> {
            pending.append(chunk.toString());
            for (int nl = pending.indexOf("\n"); nl >= 0; nl = pending.indexOf("\n")) {
              events.add(new JsonObject(pending.substring(0, nl)));
              pending.delete(0, nl + 1);
            }
          });
          resp.endHandler(ended::tryComplete);
          return ended.future();
        });
  }

  private static List<String> types(List<JsonObject> events) {
    return events.stream().map(e -> e.getString("type")).toList();
  }

  @Test
  void pagesAreServedBeforeTheRunnerIsUpAndRunsWaitForIt() throws Exception {
    start();
    assertThat(playground.runnerStarted().isComplete()).isFalse();
    assertThat(await(client.get("/lessons/first-lesson").send()).statusCode()).isEqualTo(200);
    JsonObject runs = await(client.get("/health").send()).bodyAsJsonObject().getJsonObject("runs");
    assertThat(runs.getString("mode")).isEqualTo("starting");

    var events = new CopyOnWriteArrayList<JsonObject>();
    Future<Void> ended = run(events);
    Poll.until("the run is queued", Duration.ofSeconds(10), () -> !events.isEmpty());
    assertThat(types(events)).containsExactly("queued");

    runner.complete(new FakeRunner(playground.vertx(), r -> FakeRunner.lines(r, 1, 10)));
    await(ended);
    assertThat(types(events)).containsExactly("queued", "started", "stdout", "exit");
    assertThat(playground.runnerStarted().succeeded()).isTrue();
  }

  @Test
  void aRunnerThatCannotStartEndsTheWaitingRunsAsUnavailable() throws Exception {
    start();
    var events = new CopyOnWriteArrayList<JsonObject>();
    Future<Void> ended = run(events);
    Poll.until("the run is queued", Duration.ofSeconds(10), () -> !events.isEmpty());

    runner.fail("bubblewrap exploded");
    await(ended);
    assertThat(types(events)).containsExactly("queued", "error");
    assertThat(events.getLast().getString("reason")).isEqualTo("unavailable");
    assertThat(events.getLast().getString("message")).contains("bubblewrap exploded");
    assertThat(playground.runnerStarted().failed()).isTrue();
    assertThat(await(client.get("/lessons/first-lesson").send()).statusCode()).isEqualTo(200);
  }
}

package dev.polyglot.playground.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyglot.playground.Config;
import dev.polyglot.playground.Fixtures;
import dev.polyglot.playground.TestServer;
import dev.polyglot.playground.content.CourseLoader;
import dev.polyglot.playground.content.Loaded;
import dev.polyglot.playground.render.Site;
import dev.polyglot.playground.render.SiteOptions;
import dev.polyglot.playground.render.SiteRenderer;
import dev.polyglot.playground.run.FakeRunner;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * At start-up a server listens with the lessons alone (SiteRenderer.first). The routes are tested
 * here against a real server on a free port whose whole site the test hands over when it chooses: a
 * page of the rest waits for it, and is never a 404 in between.
 */
class StagedSiteTest {
  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

  private final Loaded loaded = CourseLoader.load(Fixtures.VALID);
  private final SiteRenderer renderer = new SiteRenderer(new SiteOptions("", "v1", false));
  private final Site first = renderer.first(loaded, NOW);
  private final AtomicReference<Site> current = new AtomicReference<>(first);
  private final Promise<Site> whole = Promise.promise();
  private Vertx vertx;
  private HttpServer server;
  private WebClient client;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    Config config = TestServer.config("--snippets", Fixtures.VALID.toString());
    var site = new CurrentSite(current::get, whole.future());
    var runner = new FakeRunner(vertx, r -> FakeRunner.lines(r, 1, 10));
    var services =
        new Routes.Services(
            site,
            "",
            "test",
            "v1",
            false,
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
            runner,
            config.limits(),
            List.of(),
            new AtomicLong(),
            new Recordings(site, runner, config.limits()),
            new ConnectionGuard(config.connections()),
            new AddressBudget(config.clientLimits()),
            null);
    server =
        await(
            vertx
                .createHttpServer()
                .requestHandler(Routes.create(vertx, services))
                .listen(0, "127.0.0.1"));
    client =
        WebClient.create(
            vertx,
            new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(server.actualPort()));
  }

  @AfterEach
  void stop() throws Exception {
    await(vertx.close());
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  /** What Playground does when the rest is rendered: serve it, then tell whoever waits. */
  private Site renderTheRest() {
    Site rest = renderer.rest(first, loaded);
    current.set(rest);
    whole.complete(rest);
    return rest;
  }

  @Test
  void theLessonsAreServedAtOnce() throws Exception {
    HttpResponse<Buffer> lesson = await(client.get("/lessons/first-lesson").send());
    assertThat(lesson.statusCode()).isEqualTo(200);
    assertThat(lesson.bodyAsString()).contains("First lesson");
    assertThat(await(client.get("/").send()).statusCode()).isEqualTo(200);
  }

  @Test
  void aPageOfTheRestWaitsForItInsteadOfBeingNotFound() throws Exception {
    Future<HttpResponse<Buffer>> widget = client.get("/embed/first-lesson/hello").send();
    Future<HttpResponse<Buffer>> json = client.get("/api/lessons").send();
    Future<HttpResponse<Buffer>> search = client.get("/api/search?q=println").send();
    // Long enough for an answer to arrive, had the server given one from the first site.
    Thread.sleep(300);
    assertThat(List.of(widget, json, search)).noneMatch(Future::isComplete);

    Site rest = renderTheRest();
    HttpResponse<Buffer> page = await(widget);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.getHeader("ETag"))
        .isEqualTo(rest.page("/embed/first-lesson/hello").orElseThrow().etag());
    assertThat(await(json).bodyAsJsonArray()).hasSize(2);
    assertThat(await(search).bodyAsJsonObject().getJsonArray("hits")).isNotEmpty();
  }

  @Test
  void aPathThatIsNowhereIsNotFoundOnceTheRestIsThere() throws Exception {
    Future<HttpResponse<Buffer>> missing = client.get("/embed/first-lesson/no-such-example").send();
    renderTheRest();
    assertThat(await(missing).statusCode()).isEqualTo(404);
    // And later ones at once, from the whole site.
    assertThat(await(client.get("/cheatsheet/python/java").send()).statusCode()).isEqualTo(200);
    assertThat(await(client.get("/cheatsheet/python/cobol").send()).statusCode()).isEqualTo(404);
  }

  @Test
  void ifTheRestCannotBeRenderedTheWaitingRequestGetsTheErrorPage() throws Exception {
    Future<HttpResponse<Buffer>> widget = client.get("/embed/first-lesson/hello").send();
    whole.fail("a template broke");
    HttpResponse<Buffer> page = await(widget);
    assertThat(page.statusCode()).isEqualTo(500);
    assertThat(page.bodyAsString()).contains("Something went wrong");
  }
}

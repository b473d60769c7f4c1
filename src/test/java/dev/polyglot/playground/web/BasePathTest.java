package dev.polyglot.playground.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyglot.playground.Fixtures;
import dev.polyglot.playground.TestServer;
import dev.polyglot.playground.render.WebJars;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Behind a proxy at /course, every route, link and asset lives under that prefix. */
@ExtendWith(VertxExtension.class)
class BasePathTest {
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start("--snippets", Fixtures.VALID.toString(), "--base-path", "/course/");
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @ParameterizedTest
  @CsvSource({
    "/course/, 200",
    "/course/lessons/first-lesson, 200",
    "/course/api/lessons, 200",
    "/course/api/lessons/first-lesson, 200",
    "/course/health, 200",
    "/course/metrics, 200",
    "/course/assets/site.css, 200",
    "/course/webjars/highlightjs/{highlightjs}/highlight.min.js, 200",
    "/course/webjars/codemirror/{codemirror}/lib/codemirror.js, 200",
    "/lessons/first-lesson, 404",
    "/api/lessons, 404",
    "/assets/site.css, 404",
    "/course/lessons/nope, 404",
  })
  void routesLiveUnderTheBasePath(String path, int status, VertxTestContext ctx) {
    server
        .get(
            path.replace("{highlightjs}", WebJars.highlightjs())
                .replace("{codemirror}", WebJars.codemirror()))
        .send()
        .onComplete(
            ctx.succeeding(r ->
                ctx.verify(() -> {
                  assertThat(r.statusCode()).as(path).isEqualTo(status);
                  ctx.completeNow();
                })));
  }

  @ParameterizedTest
  @CsvSource({"/, /course/", "/course, /course/"})
  void theBareRootsRedirectToTheCourse(String path, String location, VertxTestContext ctx) {
    server
        .get(path)
        .send()
        .onComplete(
            ctx.succeeding(r ->
                ctx.verify(() -> {
                  assertThat(r.statusCode()).isEqualTo(302);
                  assertThat(r.getHeader("Location")).isEqualTo(location);
                  ctx.completeNow();
                })));
  }

  @Test
  void everyLinkAndAssetCarriesThePrefix(VertxTestContext ctx) {
    server
        .get("/course/lessons/first-lesson")
        .send()
        .onComplete(
            ctx.succeeding(r ->
                ctx.verify(() -> {
                  String html = r.bodyAsString();
                  assertThat(html)
                      .contains(
                          "href=\"/course/\"",
                          "href=\"/course/lessons/second-lesson\"",
                          "/course/assets/",
                          "/site.css",
                          "/course/webjars/highlightjs/");
                  // No link may escape the prefix.
                  assertThat(html).doesNotContainPattern("(href|src)=\"/(?!course/)");
                  ctx.completeNow();
                })));
  }

  @Test
  void notFoundPageLinksStayUnderThePrefix(VertxTestContext ctx) {
    server
        .get("/course/nothing-here")
        .send()
        .onComplete(
            ctx.succeeding(r ->
                ctx.verify(() -> {
                  assertThat(r.statusCode()).isEqualTo(404);
                  assertThat(r.bodyAsString())
                      .contains("/course/assets/", "/site.css")
                      .doesNotContainPattern("(href|src)=\"/(?!course/)");
                  ctx.completeNow();
                })));
  }
}

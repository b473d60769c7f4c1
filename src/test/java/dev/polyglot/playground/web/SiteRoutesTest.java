package dev.polyglot.playground.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyglot.playground.Fixtures;
import dev.polyglot.playground.TestServer;
import dev.polyglot.playground.render.WebJars;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every route of the course site against a real server on a free port. */
@ExtendWith(VertxExtension.class)
class SiteRoutesTest {
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start("--snippets", Fixtures.VALID.toString());
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static void get(VertxTestContext ctx, String path, Consumer<HttpResponse<Buffer>> check) {
    server
        .get(path)
        .send()
        .onComplete(
            ctx.succeeding(r ->
                ctx.verify(() -> {
                  check.accept(r);
                  ctx.completeNow();
                })));
  }

  @Test
  void indexListsLessonsGroupedByTrack(VertxTestContext ctx) {
    get(
        ctx,
        "/",
        r -> {
          assertThat(r.statusCode()).isEqualTo(200);
          assertThat(r.getHeader("Content-Type")).isEqualTo("text/html; charset=utf-8");
          assertThat(r.getHeader("Content-Security-Policy")).contains("frame-ancestors 'none'");
          String html = r.bodyAsString();
          assertThat(html).contains("Coming from Python", "In depth", "Fixture Course");
          assertThat(html.indexOf("href=\"/lessons/first-lesson\""))
              .isPositive()
              .isLessThan(html.indexOf("href=\"/lessons/second-lesson\""));
        });
  }

  @Test
  void searchFindsAnIdentifierInTheCodeAndSaysWhere(VertxTestContext ctx) {
    get(
        ctx,
        "/api/search?q=println",
        r -> {
          assertThat(r.statusCode()).isEqualTo(200);
          assertThat(r.getHeader("Content-Type")).isEqualTo("application/json; charset=utf-8");
          assertThat(r.getHeader("Cache-Control")).isEqualTo("no-store");
          var body = r.bodyAsJsonObject();
          assertThat(body.getString("query")).isEqualTo("println");
          var hit = body.getJsonArray("hits").getJsonObject(0);
          assertThat(hit.getString("kind")).isEqualTo("example");
          assertThat(hit.getString("url")).isEqualTo("/lessons/first-lesson#hello");
          assertThat(hit.getJsonArray("code").getJsonObject(0).getMap())
              .containsEntry("language", "java")
              .containsEntry("languageName", "Java")
              .containsEntry("identifier", "println");
        });
  }

  @Test
  void aCheatsheetSetsEachConceptsCodeSideBySide(VertxTestContext ctx) {
    get(
        ctx,
        "/cheatsheet/python/java",
        r -> {
          assertThat(r.statusCode()).isEqualTo(200);
          String html = r.bodyAsString();
          assertThat(html).contains("Cheatsheet: Python → Java");
          // Concepts in the curriculum's order, each with its example's code in both languages.
          assertThat(html.indexOf("Declaring async functions"))
              .isPositive()
              .isLessThan(html.indexOf("Run many, wait for all"));
          assertThat(html)
              .contains("hello from python", "&lt;b&gt;hello&lt;/b&gt; from java")
              .contains("href=\"/lessons/first-lesson#hello\"")
              .doesNotContain("hello from javascript");
          assertThat(html).contains("aria-current=\"page\">Python → Java</a>");
        });
  }

  @Test
  void aCheatsheetOfAnUnknownLanguageIsNotFound(VertxTestContext ctx) {
    get(ctx, "/cheatsheet/python/cobol", r -> assertThat(r.statusCode()).isEqualTo(404));
  }

  @Test
  void searchWithoutAQueryHasNoHits(VertxTestContext ctx) {
    get(
        ctx,
        "/api/search",
        r -> {
          assertThat(r.statusCode()).isEqualTo(200);
          assertThat(r.bodyAsJsonObject().getJsonArray("hits")).isEmpty();
        });
  }

  @Test
  void lessonPageRendersProseAndEveryLanguage(VertxTestContext ctx) {
    get(
        ctx,
        "/lessons/first-lesson",
        r -> {
          assertThat(r.statusCode()).isEqualTo(200);
          String html = r.bodyAsString();
          assertThat(html).contains("<strong>prose</strong>", "href=\"/lessons/second-lesson\"");
          assertThat(paneOrder(html)).containsExactly("python", "csharp", "javascript", "java");
          // Code is text, never markup.
          assertThat(html)
              .contains("&lt;b&gt;hello&lt;/b&gt; from java")
              .doesNotContain("<b>hello</b>");
          assertThat(html).contains("rel=\"next\"").doesNotContain("rel=\"prev\"");
          assertThat(html).contains("class=\"language-python\"", "class=\"language-csharp\"");
        });
  }

  @Test
  void lessonPanesStartWithTheLanguageTheReaderKnows(VertxTestContext ctx) {
    get(
        ctx,
        "/lessons/second-lesson",
        r -> {
          assertThat(paneOrder(r.bodyAsString()))
              .containsExactly("javascript", "java", "python", "csharp");
          assertThat(r.bodyAsString()).contains("Concurrent", "virtual threads", "rel=\"prev\"");
        });
  }

  @Test
  void apiListsLessons(VertxTestContext ctx) {
    get(
        ctx,
        "/api/lessons",
        r -> {
          assertThat(r.statusCode()).isEqualTo(200);
          assertThat(r.getHeader("Content-Type")).isEqualTo("application/json; charset=utf-8");
          assertThat(r.getHeader("Access-Control-Allow-Origin")).isEqualTo("*");
          JsonArray lessons = r.bodyAsJsonArray();
          assertThat(lessons).hasSize(2);
          JsonObject first = lessons.getJsonObject(0);
          assertThat(first.fieldNames()).contains("id", "title", "summary", "track", "examples");
          assertThat(first.getString("id")).isEqualTo("first-lesson");
          assertThat(first.getString("track")).isEqualTo("from-python");
          assertThat(first.getJsonArray("examples")).containsExactly("hello");
        });
  }

  @Test
  void apiServesOneLessonInTheContractShape(VertxTestContext ctx) {
    get(
        ctx,
        "/api/lessons/second-lesson",
        r -> {
          JsonObject lesson = r.bodyAsJsonObject();
          assertThat(lesson.getString("title")).isEqualTo("Second lesson");
          JsonObject example = lesson.getJsonArray("examples").getJsonObject(0);
          assertThat(example.getString("id")).isEqualTo("wait-all");
          assertThat(example.getJsonArray("concepts")).containsExactly("all");
          JsonArray variants = example.getJsonArray("variants");
          assertThat(
                  variants.stream()
                      .map(v ->
                          ((JsonObject) v).getString("language")
                              + "/"
                              + ((JsonObject) v).getString("id")))
              .containsExactly(
                  "python/main",
                  "csharp/main",
                  "javascript/main",
                  "java/sequential",
                  "java/concurrent");
          JsonObject java = variants.getJsonObject(3);
          assertThat(java.getBoolean("runnable")).isTrue();
          assertThat(java.getDouble("expectedSeconds")).isEqualTo(0.2);
          assertThat(java.getString("code")).contains("Thread.sleep(100)");
          assertThat(variants.getJsonObject(0).getBoolean("runnable")).as("python").isTrue();
          assertThat(variants.getJsonObject(1).getBoolean("runnable")).as("C#").isFalse();
          assertThat(variants.getJsonObject(2).getBoolean("runnable")).as("JavaScript").isTrue();
        });
  }

  @Test
  void apiCarriesRecordedOutput(VertxTestContext ctx) {
    get(
        ctx,
        "/api/lessons/first-lesson",
        r -> {
          JsonArray variants =
              r.bodyAsJsonObject()
                  .getJsonArray("examples")
                  .getJsonObject(0)
                  .getJsonArray("variants");
          assertThat(variants.getJsonObject(0).getString("expectedOutput"))
              .isEqualTo("hello from python\n");
          assertThat(variants.getJsonObject(1).containsKey("expectedOutput")).isFalse();
        });
  }

  @Test
  void healthSaysUpAndWhatIsLoaded(VertxTestContext ctx) {
    get(
        ctx,
        "/health",
        r -> {
          JsonObject health = r.bodyAsJsonObject();
          assertThat(health.getString("status")).isEqualTo("UP");
          assertThat(health.getJsonObject("content").getInteger("lessons")).isEqualTo(2);
          assertThat(health.getJsonObject("content").getInteger("problems")).isZero();
        });
  }

  @Test
  void metricsArePrometheusText(VertxTestContext ctx) {
    server
        .get("/")
        .send()
        .compose(x -> server.get("/metrics").send())
        .onComplete(
            ctx.succeeding(r ->
                ctx.verify(() -> {
                  assertThat(r.statusCode()).isEqualTo(200);
                  assertThat(r.getHeader("Content-Type")).startsWith("text/plain");
                  assertThat(r.bodyAsString())
                      .contains("# TYPE", "vertx_http_server_requests", "jvm_memory_used_bytes");
                  ctx.completeNow();
                })));
  }

  @Test
  void unknownLessonIsA404PageInTheSitesStyle(VertxTestContext ctx) {
    get(
        ctx,
        "/lessons/no-such-lesson",
        r -> {
          assertThat(r.statusCode()).isEqualTo(404);
          assertThat(r.getHeader("Content-Type")).startsWith("text/html");
          assertThat(r.bodyAsString()).contains("Page not found", "/assets/", "/site.css");
        });
  }

  @Test
  void unknownPathIsA404Page(VertxTestContext ctx) {
    get(
        ctx,
        "/no/such/page",
        r -> {
          assertThat(r.statusCode()).isEqualTo(404);
          assertThat(r.bodyAsString()).contains("Page not found");
        });
  }

  @Test
  void unknownApiLessonIsA404Json(VertxTestContext ctx) {
    get(
        ctx,
        "/api/lessons/no-such-lesson",
        r -> {
          assertThat(r.statusCode()).isEqualTo(404);
          assertThat(r.bodyAsJsonObject().getString("error")).isEqualTo("not found");
        });
  }

  @Test
  void matchingEtagGets304(VertxTestContext ctx) {
    server
        .get("/lessons/first-lesson")
        .send()
        .compose(first ->
            server
                .get("/lessons/first-lesson")
                .putHeader("If-None-Match", first.getHeader("ETag"))
                .send())
        .onComplete(
            ctx.succeeding(r ->
                ctx.verify(() -> {
                  assertThat(r.statusCode()).isEqualTo(304);
                  assertThat(r.body()).isNull();
                  ctx.completeNow();
                })));
  }

  @Test
  void staleEtagGetsTheFullPage(VertxTestContext ctx) {
    server
        .get("/lessons/first-lesson")
        .putHeader("If-None-Match", "\"stale\"")
        .send()
        .onComplete(
            ctx.succeeding(r ->
                ctx.verify(() -> {
                  assertThat(r.statusCode()).isEqualTo(200);
                  assertThat(r.getHeader("ETag")).startsWith("\"");
                  ctx.completeNow();
                })));
  }

  @Test
  void unchangedSinceLastModifiedGets304(VertxTestContext ctx) {
    server
        .get("/api/lessons")
        .send()
        .compose(first ->
            server
                .get("/api/lessons")
                .putHeader("If-Modified-Since", first.getHeader("Last-Modified"))
                .send())
        .onComplete(
            ctx.succeeding(r ->
                ctx.verify(() -> {
                  assertThat(r.statusCode()).isEqualTo(304);
                  ctx.completeNow();
                })));
  }

  @Test
  void gzipIsServedToClientsThatAcceptIt(VertxTestContext ctx) {
    server
        .get("/lessons/first-lesson")
        .send()
        .compose(plain ->
            server
                .get("/lessons/first-lesson")
                .putHeader("Accept-Encoding", "gzip, br")
                .send()
                .map(zipped -> {
                  assertThat(plain.getHeader("Content-Encoding")).isNull();
                  assertThat(zipped.getHeader("Content-Encoding")).isEqualTo("gzip");
                  assertThat(zipped.getHeader("Vary")).isEqualTo("Accept-Encoding");
                  assertThat(zipped.body().length()).isLessThan(plain.body().length());
                  assertThat(gunzip(zipped.body().getBytes())).isEqualTo(plain.bodyAsString());
                  return zipped;
                }))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void headAnswersWithoutABody(VertxTestContext ctx) {
    server
        .client()
        .head("/")
        .send()
        .onComplete(
            ctx.succeeding(r ->
                ctx.verify(() -> {
                  assertThat(r.statusCode()).isEqualTo(200);
                  assertThat(r.body()).isNull();
                  ctx.completeNow();
                })));
  }

  @Test
  void servesAssetsAndWebJars(VertxTestContext ctx) {
    server
        .get("/assets/site.css")
        .send()
        .compose(css -> {
          assertThat(css.statusCode()).isEqualTo(200);
          assertThat(css.getHeader("Content-Type")).startsWith("text/css");
          return server
              .get("/webjars/highlightjs/" + WebJars.highlightjs() + "/highlight.min.js")
              .send();
        })
        .onComplete(
            ctx.succeeding(js ->
                ctx.verify(() -> {
                  assertThat(js.statusCode()).isEqualTo(200);
                  assertThat(js.bodyAsString()).contains("highlight");
                  ctx.completeNow();
                })));
  }

  static java.util.List<String> paneOrder(String html) {
    var matcher =
        Pattern.compile("<section class=\"pane[^\"]*\" data-lang=\"([a-z]+)\"").matcher(html);
    var first = new java.util.ArrayList<String>();
    while (matcher.find()) {
      first.add(matcher.group(1));
    }
    // One example per fixture lesson: its panes are the first four.
    return first.subList(0, Math.min(4, first.size()));
  }

  private static String gunzip(byte[] bytes) {
    try (var in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

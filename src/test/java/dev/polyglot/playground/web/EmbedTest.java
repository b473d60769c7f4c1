package dev.polyglot.playground.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyglot.playground.Fixtures;
import dev.polyglot.playground.TestServer;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Widget pages, who may frame them, the embed docs and oEmbed. */
@ExtendWith(VertxExtension.class)
class EmbedTest {
  TestServer server;

  void start(List<String> origins) {
    server =
        TestServer.start(
            "--snippets",
            Fixtures.VALID.toString(),
            "--allowed-origins",
            String.join(",", origins));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void widgetPagesMayBeFramedByListedSitesAndOtherPagesByNone(VertxTestContext ctx) {
    start(List.of("https://docs.example.org", "http://localhost:3000"));
    server
        .get("/embed/first-lesson/hello")
        .send()
        .compose(embed -> {
          ctx.verify(() -> {
            assertThat(embed.statusCode()).isEqualTo(200);
            assertThat(embed.getHeader("Content-Security-Policy"))
                .contains("frame-ancestors 'self' https://docs.example.org http://localhost:3000");
            assertThat(embed.bodyAsString())
                .contains("class=\"embed-frame\"", "data-runnable", "embed-options.js")
                .doesNotContain("site-header");
          });
          return server.get("/lessons/first-lesson").send();
        })
        .onComplete(
            ctx.succeeding(lesson ->
                ctx.verify(() -> {
                  assertThat(lesson.getHeader("Content-Security-Policy"))
                      .contains("frame-ancestors 'none'");
                  ctx.completeNow();
                })));
  }

  @Test
  void aStarLetsAnySiteFrameWidgets(VertxTestContext ctx) {
    start(List.of("*"));
    server
        .get("/embed/first-lesson/hello")
        .send()
        .onComplete(
            ctx.succeeding(r ->
                ctx.verify(() -> {
                  assertThat(r.getHeader("Content-Security-Policy")).endsWith("frame-ancestors *");
                  ctx.completeNow();
                })));
  }

  @Test
  void unknownWidgetsAre404AndTheDocsAndScriptAreServed(VertxTestContext ctx) {
    start(List.of());
    server
        .get("/embed/first-lesson/nope")
        .send()
        .compose(missing -> {
          ctx.verify(() -> assertThat(missing.statusCode()).isEqualTo(404));
          return server.get("/embed").send();
        })
        .compose(docs -> {
          ctx.verify(() -> {
            assertThat(docs.statusCode()).isEqualTo(200);
            assertThat(docs.bodyAsString())
                .contains("Embed in your docs", "/assets/embed.js", "data-playground=", "/oembed");
          });
          return server.get("/assets/embed.js").send();
        })
        .onComplete(
            ctx.succeeding(script ->
                ctx.verify(() -> {
                  assertThat(script.statusCode()).isEqualTo(200);
                  assertThat(script.getHeader("Content-Type")).contains("javascript");
                  // Other sites link to this URL: it must be revalidated, not kept for a year.
                  assertThat(script.getHeader("Cache-Control")).contains("max-age=0");
                  ctx.completeNow();
                })));
  }

  private String oembed(String url) {
    return "/oembed?format=json&url=" + URLEncoder.encode(url, StandardCharsets.UTF_8);
  }

  @Test
  void oembedAnswersWithTheFieldsTheSpecRequires(VertxTestContext ctx) {
    start(List.of());
    String host = "127.0.0.1:" + server.playground().port();
    server
        .get(oembed("http://" + host + "/lessons/second-lesson#wait-all") + "&maxwidth=640")
        .send()
        .onComplete(
            ctx.succeeding(r ->
                ctx.verify(() -> {
                  assertThat(r.statusCode()).isEqualTo(200);
                  assertThat(r.getHeader("Content-Type")).startsWith("application/json");
                  assertThat(r.getHeader("Access-Control-Allow-Origin")).isEqualTo("*");
                  JsonObject o = r.bodyAsJsonObject();
                  // oEmbed 1.0 §2.3.4: version and type always; html, width, height for "rich".
                  assertThat(o.getString("version")).isEqualTo("1.0");
                  assertThat(o.getString("type")).isEqualTo("rich");
                  assertThat(o.getInteger("width")).isEqualTo(640);
                  assertThat(o.getInteger("height")).isPositive();
                  assertThat(o.getString("html"))
                      .startsWith(
                          "<iframe src=\"http://" + host + "/embed/second-lesson/wait-all\"")
                      .contains("width=\"640\"");
                  assertThat(o.getString("provider_url")).isEqualTo("http://" + host + "/");
                  assertThat(o.getString("title")).isNotBlank();
                  assertThat(o.getInteger("cache_age")).isPositive();
                  ctx.completeNow();
                })));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "OWN/embed/first-lesson/hello|json|200",
        "OWN/lessons/first-lesson|json|200",
        "OWN/lessons/first-lesson#nope|json|404",
        "OWN/lessons/nope#hello|json|404",
        "OWN/api/lessons|json|404",
        "https://elsewhere.example/lessons/first-lesson#hello|json|404",
        "OWN/lessons/first-lesson#hello|xml|501",
        "not a url|json|400",
      })
  void oembedRefusesWhatItCannotEmbed(String url, String format, int status, VertxTestContext ctx) {
    start(List.of());
    String own = "http://127.0.0.1:" + server.playground().port();
    server
        .get(
            "/oembed?format="
                + format
                + "&url="
                + URLEncoder.encode(url.replace("OWN", own), StandardCharsets.UTF_8))
        .send()
        .onComplete(
            ctx.succeeding(r ->
                ctx.verify(() -> {
                  assertThat(r.statusCode()).isEqualTo(status);
                  ctx.completeNow();
                })));
  }
}

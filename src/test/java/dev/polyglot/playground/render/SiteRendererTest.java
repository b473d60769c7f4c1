package dev.polyglot.playground.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyglot.playground.Fixtures;
import dev.polyglot.playground.content.CourseLoader;
import io.vertx.core.json.JsonArray;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteRendererTest {
  @TempDir Path root;

  private Site render(Path snippets, String basePath) {
    return new SiteRenderer(new SiteOptions(basePath, "v1", false))
        .render(CourseLoader.load(snippets), Instant.parse("2026-01-02T03:04:05.678Z"));
  }

  @Test
  void rendersEveryPageAheadOfTime() {
    Site site = render(Fixtures.VALID, "");
    var expected =
        new java.util.ArrayList<>(
            List.of(
                "/",
                "/api/lessons",
                "/lessons/first-lesson",
                "/api/lessons/first-lesson",
                "/lessons/second-lesson",
                "/api/lessons/second-lesson",
                "/embed",
                "/embed/first-lesson/hello",
                "/embed/second-lesson/wait-all"));
    // A cheatsheet for every ordered pair of the four languages.
    for (String from : List.of("python", "csharp", "javascript", "java")) {
      for (String to : List.of("python", "csharp", "javascript", "java")) {
        if (!from.equals(to)) {
          expected.add("/cheatsheet/" + from + "/" + to);
        }
      }
    }
    assertThat(site.pages().keySet()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(new JsonArray(site.page("/api/lessons").orElseThrow().body())).hasSize(2);
  }

  @Test
  void theLessonsComeFirstAndTheRestMakesTheWholeSite() {
    var renderer = new SiteRenderer(new SiteOptions("", "v1", false));
    var loaded = CourseLoader.load(Fixtures.VALID);
    Instant now = Instant.parse("2026-01-02T03:04:05.678Z");
    Site first = renderer.first(loaded, now);
    assertThat(first.complete()).isFalse();
    assertThat(first.pages().keySet())
        .containsExactlyInAnyOrder("/", "/lessons/first-lesson", "/lessons/second-lesson");
    assertThat(first.search().find("println", 10)).isEmpty();
    assertThat(first.notFound().status()).isEqualTo(404);

    Site whole = renderer.rest(first, loaded);
    Site atOnce = renderer.render(loaded, now);
    assertThat(whole.complete()).isTrue();
    assertThat(whole.pages().keySet()).isEqualTo(atOnce.pages().keySet());
    // The same bytes whichever way they were made, so an ETag a browser kept stays valid.
    whole
        .pages()
        .forEach((path, page) ->
            assertThat(page.etag()).as(path).isEqualTo(atOnce.pages().get(path).etag()));
    assertThat(whole.page("/lessons/first-lesson"))
        .containsSame(first.pages().get("/lessons/first-lesson"));
    assertThat(whole.search().find("println", 10)).isNotEmpty();
  }

  @Test
  void errorPagesAreInTheSitesStyle() {
    Site site = render(Fixtures.VALID, "/course");
    Page error = site.serverError();
    assertThat(error.status()).isEqualTo(500);
    assertThat(error.body().toString())
        .contains("Something went wrong", "/course/assets/", "/site.css", "href=\"/course/\"");
    assertThat(site.notFound().status()).isEqualTo(404);
    assertThat(site.notFound().lastModifiedHeader()).isEqualTo("Fri, 2 Jan 2026 03:04:05 GMT");
  }

  @Test
  void rawHtmlInLessonProseIsShownAsText() {
    Fixtures.copyValid(root);
    Fixtures.edit(
        root,
        "first-lesson/lesson.md",
        "Some **prose**",
        "<script>alert(1)</script> Some **prose**");
    String html = render(root, "").page("/lessons/first-lesson").orElseThrow().body().toString();
    assertThat(html)
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .doesNotContain("<script>alert");
  }

  @Test
  void eachPaneSaysWhichToolchainThisServerHas() {
    var options =
        new SiteOptions(
            "",
            "v1",
            false,
            64 * 1024,
            java.util.Map.of(
                dev.polyglot.playground.content.Language.JAVASCRIPT, "Node v20.20.2",
                dev.polyglot.playground.content.Language.PYTHON, "Python 3.11.7"));
    String html =
        new SiteRenderer(options)
            .render(CourseLoader.load(Fixtures.VALID), Instant.now())
            .page("/lessons/first-lesson")
            .orElseThrow()
            .body()
            .toString();
    assertThat(html).contains(">Node v20.20.2<", ">Python 3.11.7<");
  }

  @Test
  void theVersionsAreReadFromTheToolchainsThemselves() {
    var versions = Toolchains.versions();
    assertThat(versions.get(dev.polyglot.playground.content.Language.JAVA))
        .startsWith("JDK " + Runtime.version().feature() + ".");
    // node and python3 are on every machine that runs these tests (CI installs them).
    assertThat(versions.get(dev.polyglot.playground.content.Language.JAVASCRIPT))
        .matches("Node v\\d+\\.\\d+\\.\\d+");
    assertThat(versions.get(dev.polyglot.playground.content.Language.PYTHON))
        .matches("Python 3\\.\\d+\\.\\d+");
  }

  @Test
  void sameContentGivesTheSameEtag() {
    Page a = render(Fixtures.VALID, "").page("/lessons/first-lesson").orElseThrow();
    Page b = render(Fixtures.VALID, "").page("/lessons/first-lesson").orElseThrow();
    Page other = render(Fixtures.VALID, "/course").page("/lessons/first-lesson").orElseThrow();
    assertThat(a.etag()).isEqualTo(b.etag()).isNotEqualTo(other.etag());
  }
}

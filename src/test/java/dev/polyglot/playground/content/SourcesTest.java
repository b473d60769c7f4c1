package dev.polyglot.playground.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every lesson ends with a {@code ## Sources} section that links to the official documentation
 * behind its claims, so that a reader can check them. The raw {@code lesson.md} is read from disk,
 * as an author wrote it.
 */
class SourcesTest {
  static final Path SNIPPETS = Path.of("snippets");

  /** Hosts of official documentation; a link to one of these, or to a subdomain, counts. */
  static final Set<String> OFFICIAL_HOSTS =
      Set.of(
          "docs.python.org",
          "peps.python.org",
          "learn.microsoft.com",
          "nodejs.org",
          "developer.mozilla.org",
          "docs.oracle.com",
          "openjdk.org",
          "vertx.io");

  private static final Pattern HEADING = Pattern.compile("(?m)^##\\s+(.+?)\\s*$");
  private static final Pattern SOURCES = Pattern.compile("(?im)^##\\s+sources\\s*$");
  private static final Pattern HTTPS_LINK = Pattern.compile("https://[^\\s)>\\]\"']+");

  @Test
  void everyLessonEndsWithSourcesLinkingToOfficialDocumentation() {
    Course course = CourseLoader.load(SNIPPETS).course();
    assertThat(course.lessons()).as("lessons in %s", SNIPPETS).isNotEmpty();

    assertThat(course.lessons())
        .extracting(Lesson::id)
        .allSatisfy(id -> {
          String text = read(SNIPPETS.resolve(id).resolve(LessonReader.LESSON_FILE));
          String where = id + "/" + LessonReader.LESSON_FILE;

          Matcher sources = SOURCES.matcher(text);
          assertThat(sources.find()).as("%s has a '## Sources' heading", where).isTrue();
          int start = sources.start();
          while (sources.find()) {
            start = sources.start();
          }
          String section = text.substring(start);

          Matcher headings = HEADING.matcher(section);
          headings.find(); // the Sources heading itself
          assertThat(headings.find())
              .as("%s: '## Sources' is the last section, with no heading after it", where)
              .isFalse();

          assertThat(officialLinks(section))
              .as(
                  "%s: the Sources section links to official documentation (https, one of %s)",
                  where, OFFICIAL_HOSTS)
              .isNotEmpty();
        });
  }

  @Test
  void theCheckTellsOfficialLinksFromOthers() {
    assertThat(officialLinks("- [asyncio](https://docs.python.org/3/library/asyncio.html)"))
        .containsExactly("https://docs.python.org/3/library/asyncio.html");
    assertThat(officialLinks("- [JEP 444](https://openjdk.org/jeps/444), <https://vertx.io/docs/>"))
        .hasSize(2);
    assertThat(officialLinks("- [a blog](https://example.com/asyncio)")).isEmpty();
    assertThat(officialLinks("- [plain http](http://docs.python.org/3/)")).isEmpty();
    assertThat(officialLinks("- [look-alike](https://docs.python.org.example.com/)")).isEmpty();
  }

  static List<String> officialLinks(String markdown) {
    return HTTPS_LINK
        .matcher(markdown)
        .results()
        .map(MatchResult::group)
        .filter(SourcesTest::isOfficial)
        .toList();
  }

  private static boolean isOfficial(String link) {
    String host;
    try {
      host = URI.create(link).getHost();
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (host == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    return OFFICIAL_HOSTS.stream().anyMatch(o -> h.equals(o) || h.endsWith("." + o));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.polyglot.playground.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyglot.playground.content.Course;
import dev.polyglot.playground.content.CourseLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The index over the bundled course: what a reader types, and what they should find. */
class SearchIndexTest {
  static final Course COURSE = CourseLoader.load(Path.of("snippets")).course();
  static final SearchIndex INDEX = SearchIndex.of(COURSE);

  @Test
  void gatherFindsTheExamplesWhosePythonCallsIt() {
    List<Hit> hits = INDEX.find("gather", 20);
    assertThat(hits).isNotEmpty();
    assertThat(hits)
        .filteredOn(h -> h.kind().equals("example"))
        .anySatisfy(h -> {
          assertThat(h.lesson()).isEqualTo("why-and-model");
          assertThat(h.example()).isEqualTo("three-waits");
          assertThat(h.path()).isEqualTo("/lessons/why-and-model#three-waits");
          assertThat(h.code()).contains(new Hit.CodeMatch("python", "gather"));
        });
  }

  @Test
  void identifiersMatchWhatEverCaseTheReaderTypes() {
    List<Hit> hits = INDEX.find("whenall", 20);
    assertThat(hits).isNotEmpty();
    assertThat(hits.getFirst().code()).contains(new Hit.CodeMatch("csharp", "WhenAll"));
    // camelCase parts count as words: "when all" finds WhenAll too.
    assertThat(INDEX.find("when all", 20))
        .extracting(Hit::example)
        .contains(hits.getFirst().example());
  }

  @Test
  void everyWordMustMatchAndTitlesCountMost() {
    List<Hit> hits = INDEX.find("three waits", 5);
    assertThat(hits.getFirst().title()).isEqualTo("Three one-second waits, as a timeline");
    assertThat(INDEX.find("gather zzzyzzx", 20)).isEmpty();
  }

  @Test
  void theStartOfAWordIsEnough() {
    assertThat(INDEX.find("gath", 20)).extracting(Hit::example).contains("three-waits");
  }

  @Test
  void lessonsAreFoundByTheirProseWithTheLineAroundTheMatch() {
    List<Hit> hits = INDEX.find("parallelism", 20);
    Hit lesson = hits.stream().filter(h -> h.kind().equals("lesson")).findFirst().orElseThrow();
    assertThat(lesson.path()).doesNotContain("#");
    assertThat(lesson.context().toLowerCase()).contains("parallel");
    assertThat(lesson.context().length()).isLessThan(170);
  }

  @Test
  void aBlankQueryOrPunctuationFindsNothing() {
    assertThat(INDEX.find("", 20)).isEmpty();
    assertThat(INDEX.find("  ?!. ", 20)).isEmpty();
    assertThat(INDEX.find("gather", 0)).isEmpty();
  }

  @Test
  void resultsAreCappedBestFirst() {
    List<Hit> hits = INDEX.find("async", 3);
    assertThat(hits).hasSize(3);
    assertThat(hits).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
  }

  @Test
  void contextCutsAtWholeWords() {
    String text = "one two three four five six seven eight nine ten ".repeat(10) + "gather here";
    String context = SearchIndex.context(text, List.of("gather"));
    assertThat(context).startsWith("…").contains("gather here").doesNotContain("  ");
    assertThat(context.substring(1)).matches("^[a-z].*");
    assertThat(SearchIndex.context("short text", List.of("missing"))).isEqualTo("short text");
  }
}

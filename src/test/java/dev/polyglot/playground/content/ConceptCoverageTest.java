package dev.polyglot.playground.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every concept of the curriculum checklist (listed in course.yaml) has at least one comparison.
 */
class ConceptCoverageTest {
  @Test
  void everyConceptHasAComparisonInAllFourLanguages() {
    Course course = CourseLoader.load(Path.of("snippets")).course();
    assertThat(course.concepts())
        .as("the checklist in course.yaml")
        .hasSizeGreaterThanOrEqualTo(25);

    Set<String> covered =
        course.lessons().stream()
            .flatMap(l -> l.examples().stream())
            .filter(e ->
                e.variants().stream().map(Variant::language).distinct().count()
                    == Language.values().length)
            .flatMap(e -> e.concepts().stream())
            .collect(Collectors.toSet());

    assertThat(course.concepts())
        .extracting(Concept::id)
        .allSatisfy(id -> assertThat(covered).as("concept %s", id).contains(id));
  }
}

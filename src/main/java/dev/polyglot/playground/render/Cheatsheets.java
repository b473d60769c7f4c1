package dev.polyglot.playground.render;

import dev.polyglot.playground.content.Concept;
import dev.polyglot.playground.content.Course;
import dev.polyglot.playground.content.Example;
import dev.polyglot.playground.content.Language;
import dev.polyglot.playground.content.Lesson;
import dev.polyglot.playground.content.Variant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The cheatsheet of a language pair ({@code /cheatsheet/{from}/{to}}): for each concept of the
 * curriculum, in its order, the first example that shows it in both languages, the two pieces of
 * code side by side, and a link to the lesson. One page a reader can keep open or print.
 */
final class Cheatsheets {
  private Cheatsheets() {}

  /** One concept's row: the example that shows it, and its code in each language. */
  record Row(
      String conceptId,
      String concept,
      String title,
      String url,
      String fromLabel,
      String fromCode,
      String toLabel,
      String toCode) {}

  /** A language the reader knows and one they learn: one cheatsheet. */
  record Pair(Language from, Language to) {
    String path() {
      return "/cheatsheet/" + from.id() + "/" + to.id();
    }
  }

  /** Every ordered pair of different languages. */
  static List<Pair> pairs() {
    List<Pair> out = new ArrayList<>();
    for (Language from : Language.values()) {
      for (Language to : Language.values()) {
        if (from != to) {
          out.add(new Pair(from, to));
        }
      }
    }
    return out;
  }

  static List<Row> rows(Course course, Pair pair, String basePath) {
    Language from = pair.from();
    Language to = pair.to();
    List<Row> rows = new ArrayList<>();
    for (Concept concept : course.concepts()) {
      first(course, concept, from, to)
          .ifPresent(found -> {
            Variant a = pick(found.example().variants(from));
            Variant b = pick(found.example().variants(to));
            rows.add(
                new Row(
                    concept.id(),
                    concept.title(),
                    found.example().title(),
                    basePath + "/lessons/" + found.lesson().id() + "#" + found.example().id(),
                    label(a),
                    a.shown().text(),
                    label(b),
                    b.shown().text()));
          });
    }
    return rows;
  }

  private record Found(Lesson lesson, Example example) {}

  private static Optional<Found> first(Course course, Concept concept, Language from, Language to) {
    for (Lesson lesson : course.lessons()) {
      for (Example example : lesson.examples()) {
        if (example.concepts().contains(concept.id())
            && !example.variants(from).isEmpty()
            && !example.variants(to).isEmpty()) {
          return Optional.of(new Found(lesson, example));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Of several variants (sequential and concurrent), the one that takes least time: an example with
   * timings contrasts the naive way with the idiom, and the idiom is what a cheatsheet shows.
   * Without timings, the first.
   */
  private static Variant pick(List<Variant> variants) {
    return variants.stream()
        .filter(v -> v.expectedSeconds().isPresent())
        .min(Comparator.comparing(v -> v.expectedSeconds().orElseThrow()))
        .orElse(variants.getFirst());
  }

  /** The file, after the variant's label where it has one of its own ("Concurrent · gather.py"). */
  private static String label(Variant v) {
    boolean named = !v.label().equals(v.language().displayName()) && !v.label().equals(v.id());
    return named ? v.label() + " · " + v.file() : v.file();
  }
}

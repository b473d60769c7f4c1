package dev.polyglot.playground.search;

import java.util.List;

/**
 * One result: a lesson, or one example of a lesson.
 *
 * @param path where it is, below the base path: {@code /lessons/{id}} or that with {@code #example}
 * @param context a line of the text around the first match, or empty
 * @param code the identifiers that matched, as written, with their language ids
 */
public record Hit(
    String kind,
    String lesson,
    String lessonTitle,
    String example,
    String title,
    String path,
    String context,
    List<CodeMatch> code,
    double score) {

  /** An identifier of one language's code that a query matched, such as python's {@code gather}. */
  public record CodeMatch(String language, String identifier) {}
}

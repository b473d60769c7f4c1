package dev.polyglot.playground.content;

import java.util.List;

/**
 * An exercise at the end of a lesson: starting code the reader changes until every check passes.
 * {@code goal} is Markdown; {@code solution} is one answer, shown on request and run by the tests
 * to prove the challenge can be met.
 */
public record Challenge(
    String id,
    String title,
    String goal,
    List<String> hints,
    List<Check> checks,
    Variant start,
    Variant solution) {

  public Language language() {
    return start.language();
  }
}

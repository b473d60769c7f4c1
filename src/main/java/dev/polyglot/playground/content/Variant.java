package dev.polyglot.playground.content;

import java.util.Optional;

/**
 * One source file of an example: its language, its id (the file's base name), how the page labels
 * it, the code, what it prints when recorded, for timing examples roughly how long it takes, and
 * what of the code a page shows ({@link Shown}).
 */
public record Variant(
    Language language,
    String id,
    String label,
    String flavour,
    String file,
    String code,
    Optional<String> expectedOutput,
    Optional<Double> expectedSeconds,
    Shown shown) {

  public boolean runnable() {
    return language.runnable();
  }
}

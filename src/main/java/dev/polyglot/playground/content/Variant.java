package dev.polyglot.playground.content;

import java.util.Optional;

/**
 * One source file of an example: its language, its id (the file's base name), how the page labels
 * it, the code, and what it prints when recorded.
 */
public record Variant(
    Language language,
    String id,
    String label,
    String flavour,
    String file,
    String code,
    Optional<String> expectedOutput) {

  public boolean runnable() {
    return language.runnable();
  }
}

package dev.polyglot.playground.content;

import java.util.List;

/**
 * The same idea in every language. {@code intro} and {@code differs} are Markdown; variants are
 * grouped by language in {@link Language} order, and in the author's order within a language.
 */
public record Example(
    String id,
    String title,
    List<String> concepts,
    String intro,
    String differs,
    List<Variant> variants) {

  public List<Variant> variants(Language language) {
    return variants.stream().filter(v -> v.language() == language).toList();
  }
}

package dev.polyglot.playground.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** How text becomes the words that are searched: lower case, split at anything but letters. */
final class Words {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  // Where camelCase and PascalCase identifiers have a word inside: WhenAll → When, All.
  private static final Pattern CAMEL = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|_+");

  private Words() {}

  /** The words of prose, in order, lower case. */
  static List<String> of(String text) {
    List<String> out = new ArrayList<>();
    var m = WORD.matcher(text);
    while (m.find()) {
      out.add(m.group().toLowerCase(Locale.ROOT));
    }
    return out;
  }

  /** The identifiers of code, as written, each once, in order of first use. */
  static Set<String> identifiers(String code) {
    Set<String> out = new LinkedHashSet<>();
    var m = IDENTIFIER.matcher(code);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  /** An identifier's searchable words: itself and its camelCase parts, lower case. */
  static List<String> ofIdentifier(String identifier) {
    List<String> out = new ArrayList<>();
    out.add(identifier.toLowerCase(Locale.ROOT));
    String[] parts = CAMEL.split(identifier);
    if (parts.length > 1) {
      for (String part : parts) {
        if (!part.isEmpty()) {
          out.add(part.toLowerCase(Locale.ROOT));
        }
      }
    }
    return out;
  }

  /** Markdown as the plain text a reader sees: no markup, links as their text, one line. */
  static String plain(String markdown) {
    return markdown
        .replaceAll("```[\\s\\S]*?```", " ")
        .replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1")
        .replaceAll("[`*>#|]", "")
        // _emphasis_ goes, to_thread stays whole.
        .replaceAll("(?<![\\p{L}\\p{N}])_+|_+(?![\\p{L}\\p{N}])", "")
        .replaceAll("\\s+", " ")
        .strip();
  }
}

package dev.polyglot.playground.run.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which entries of the server's class path lesson code may use, read from {@code
 * snippet-classpath.txt}: path prefixes such as {@code io/vertx/core/}. Entries of a multi-release
 * jar ({@code META-INF/versions/N/...}) count as the entry they stand in for.
 */
record SnippetLibraries(List<String> prefixes) {
  static final String SERVICES = "META-INF/services/";
  private static final Pattern VERSIONED = Pattern.compile("^META-INF/versions/\\d+/");

  SnippetLibraries {
    prefixes = List.copyOf(prefixes);
  }

  /** The list the server ships with. */
  static SnippetLibraries bundled() {
    try (InputStream in = SnippetLibraries.class.getResourceAsStream("snippet-classpath.txt")) {
      if (in == null) {
        throw new IllegalStateException("snippet-classpath.txt is missing from the class path");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One prefix per line; {@code #} starts a comment. */
  static SnippetLibraries parse(String text) {
    return new SnippetLibraries(
        text.lines()
            .map(line -> line.replaceFirst("#.*", "").strip())
            .filter(line -> !line.isEmpty())
            .toList());
  }

  /** Whether an entry (a path inside a jar or class folder) goes to the workers. */
  boolean allows(String entry) {
    String name = VERSIONED.matcher(entry).replaceFirst("");
    if (name.equals("module-info.class")) {
      return false; // the workers' class path is the unnamed module
    }
    if (name.startsWith(SERVICES)) {
      return allows(classFile(name.substring(SERVICES.length())));
    }
    return prefixes.stream().anyMatch(name::startsWith);
  }

  /** The class file that holds a binary class name. */
  static String classFile(String className) {
    return className.replace('.', '/') + ".class";
  }
}

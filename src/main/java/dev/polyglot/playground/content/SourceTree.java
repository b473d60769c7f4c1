package dev.polyglot.playground.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * File access for the readers, relative to the snippets root. It names files the way problems
 * should show them, and remembers the newest modification time it has seen.
 */
final class SourceTree {
  private final Path root;
  private Instant newest = Instant.EPOCH;

  SourceTree(Path root) {
    this.root = root;
  }

  String name(Path path) {
    String relative = root.relativize(path).toString().replace('\\', '/');
    return Files.isDirectory(path) ? relative + "/" : relative;
  }

  /** What toolchains leave beside sources when an author runs them: never part of a lesson. */
  private static final java.util.Set<String> TOOL_LITTER =
      java.util.Set.of("__pycache__", "node_modules", "bin", "obj");

  /**
   * Directory entries sorted by name, without hidden files such as {@code .DS_Store} and without
   * the folders Python, Node and dotnet create when an author runs a snippet.
   */
  List<Path> list(Path dir) {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(p -> !(TOOL_LITTER.contains(p.getFileName().toString()) && Files.isDirectory(p)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a UTF-8 text file, or reports why it cannot. */
  Optional<String> read(Path file, List<Problem> problems) {
    try {
      String text = Files.readString(file);
      Instant modified = Files.getLastModifiedTime(file).toInstant();
      if (modified.isAfter(newest)) {
        newest = modified;
      }
      return Optional.of(text);
    } catch (CharacterCodingException e) {
      problems.add(Problem.in(name(file), "is not valid UTF-8"));
    } catch (IOException e) {
      problems.add(Problem.in(name(file), "cannot be read: " + e.getMessage()));
    }
    return Optional.empty();
  }

  /** The newest modification time read so far; readers reset it per lesson. */
  Instant takeNewest() {
    Instant result = newest;
    newest = Instant.EPOCH;
    return result;
  }
}

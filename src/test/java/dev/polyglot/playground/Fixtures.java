package dev.polyglot.playground;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Lesson trees for tests: a copy of {@code fixtures/valid}, then edited to break one thing. */
public final class Fixtures {
  public static final Path VALID = Path.of("src/test/resources/fixtures/valid");

  private Fixtures() {}

  public static Path copyValid(Path target) {
    try (Stream<Path> files = Files.walk(VALID)) {
      for (Path source : files.toList()) {
        Path dest = target.resolve(VALID.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(source, dest);
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void write(Path root, String file, String text) {
    try {
      Path path = root.resolve(file);
      Files.createDirectories(path.getParent());
      Files.writeString(path, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void writeBytes(Path root, String file, byte[] bytes) {
    try {
      Files.write(root.resolve(file), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Replaces the first occurrence of {@code from} in a file. */
  public static void edit(Path root, String file, String from, String to) {
    try {
      Path path = root.resolve(file);
      String text = Files.readString(path);
      if (!text.contains(from)) {
        throw new IllegalArgumentException(file + " does not contain " + from);
      }
      Files.writeString(path, text.replaceFirst(java.util.regex.Pattern.quote(from), to));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void delete(Path root, String file) {
    try {
      Files.delete(root.resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void mkdir(Path root, String dir) {
    try {
      Files.createDirectories(root.resolve(dir));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

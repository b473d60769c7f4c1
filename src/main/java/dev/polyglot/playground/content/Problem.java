package dev.polyglot.playground.content;

/**
 * One thing wrong with the lessons, pinned to a file (relative to the snippets folder) and, where
 * it applies, a 1-based line. Line 0 means "the file as a whole".
 */
public record Problem(String file, int line, String message) {

  public static Problem at(String file, int line, String message) {
    return new Problem(file, line, message);
  }

  public static Problem in(String file, String message) {
    return new Problem(file, 0, message);
  }

  /** Compiler-style, so editors and CI logs can jump to it: {@code file:line: message}. */
  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
  }
}

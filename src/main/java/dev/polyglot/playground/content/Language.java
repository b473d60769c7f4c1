package dev.polyglot.playground.content;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The languages a lesson compares. Adding one is a constant here plus its source files in the
 * lessons; the id is part of the public JSON contract and must never change.
 */
public enum Language {
  PYTHON("python", "Python", "py", "python", "#", "python3", "--version"),
  CSHARP("csharp", "C#", "cs", "csharp", "//"),
  JAVASCRIPT("javascript", "JavaScript", "js", "javascript", "//", "node", "--version"),
  JAVA("java", "Java", "java", "java", "//");

  private final String id;
  private final String displayName;
  private final String extension;
  private final String highlightClass;
  private final String lineComment;
  private final List<String> versionCommand;

  Language(
      String id,
      String displayName,
      String extension,
      String highlightClass,
      String lineComment,
      String... versionCommand) {
    this.id = id;
    this.displayName = displayName;
    this.extension = extension;
    this.highlightClass = highlightClass;
    this.lineComment = lineComment;
    this.versionCommand = List.of(versionCommand);
  }

  /**
   * The command that prints the version of this language's toolchain on the server, which the
   * lessons' files are checked with; empty when the server has none of its own (C#) or is it (Java,
   * whose version is the server's JDK).
   */
  public List<String> versionCommand() {
    return versionCommand;
  }

  /** What starts a line comment, in which lesson markers are written. */
  public String lineComment() {
    return lineComment;
  }

  public String id() {
    return id;
  }

  public String displayName() {
    return displayName;
  }

  /** File extension of its source files, without the dot. */
  public String extension() {
    return extension;
  }

  /** The highlight.js language name. */
  public String highlightClass() {
    return highlightClass;
  }

  /**
   * Whether the playground runs this language's variants live: all but C#, whose toolchain (.NET)
   * it does not ship. Whether this server has the runtime installed is for {@code /health} to say.
   */
  public boolean runnable() {
    return this != CSHARP;
  }

  public static Optional<Language> byId(String id) {
    return Arrays.stream(values()).filter(l -> l.id.equals(id)).findFirst();
  }

  public static Optional<Language> byExtension(String extension) {
    return Arrays.stream(values()).filter(l -> l.extension.equals(extension)).findFirst();
  }

  public static String ids() {
    return String.join(", ", Arrays.stream(values()).map(Language::id).toList());
  }
}

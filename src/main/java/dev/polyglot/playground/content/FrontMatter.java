package dev.polyglot.playground.content;

import java.util.List;
import java.util.Optional;

/**
 * A Markdown file that starts with YAML between two {@code ---} lines. The body keeps its own first
 * line number so that later messages about it can still point into the file.
 */
record FrontMatter(Fields fields, String body, int bodyLine) {

  private static final String FENCE = "---";

  /** Reads and parses {@code dir/name}, the file that describes a lesson, example or challenge. */
  static Optional<FrontMatter> read(
      SourceTree tree, java.nio.file.Path dir, String name, List<Problem> problems) {
    java.nio.file.Path file = dir.resolve(name);
    if (!java.nio.file.Files.isRegularFile(file)) {
      problems.add(Problem.in(tree.name(dir), "has no " + name));
      return Optional.empty();
    }
    return tree.read(file, problems).flatMap(text -> parse(tree.name(file), text, problems));
  }

  static Optional<FrontMatter> parse(String file, String text, List<Problem> problems) {
    List<String> lines = text.replace("\r\n", "\n").lines().toList();
    if (lines.isEmpty() || !lines.getFirst().strip().equals(FENCE)) {
      problems.add(Problem.at(file, 1, "must start with YAML front matter between '---' lines"));
      return Optional.empty();
    }
    int close = -1;
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).strip().equals(FENCE)) {
        close = i;
        break;
      }
    }
    if (close < 0) {
      problems.add(Problem.at(file, 1, "front matter is not closed: add a line '---' after it"));
      return Optional.empty();
    }
    String yaml = String.join("\n", lines.subList(1, close));
    String body = String.join("\n", lines.subList(close + 1, lines.size())).strip();
    int bodyLine = close + 2;
    return YamlDoc.parse(file, yaml, 2, problems)
        .map(doc -> new FrontMatter(new Fields(file, doc, problems), body, bodyLine));
  }
}

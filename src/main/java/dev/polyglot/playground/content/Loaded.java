package dev.polyglot.playground.content;

import java.util.List;

/**
 * The outcome of reading a snippets folder: the course made of every lesson that is free of
 * problems, and the problems that kept the others out.
 */
public record Loaded(Course course, List<Problem> problems) {
  public Loaded {
    problems = List.copyOf(problems);
  }

  public boolean ok() {
    return problems.isEmpty();
  }
}

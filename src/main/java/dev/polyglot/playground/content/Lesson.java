package dev.polyglot.playground.content;

import java.time.Instant;
import java.util.List;

/**
 * A lesson: Markdown prose plus examples, written for a reader who knows {@code from} and is
 * learning {@code to}, and the challenges that end it. {@code updated} is the newest modification
 * time of its files.
 */
public record Lesson(
    String id,
    String title,
    String summary,
    Track track,
    int order,
    Language from,
    Language to,
    String prose,
    List<Example> examples,
    List<Challenge> challenges,
    Instant updated) {

  public java.util.Optional<Challenge> challenge(String id) {
    return challenges.stream().filter(c -> c.id().equals(id)).findFirst();
  }
}

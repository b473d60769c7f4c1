package dev.polyglot.playground.content;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Everything the site shows, loaded and validated. Lessons are kept in reading order: by track as
 * listed in course.yaml, then by each lesson's {@code order}.
 */
public record Course(
    String title,
    String tagline,
    List<Track> tracks,
    List<Concept> concepts,
    List<Lesson> lessons) {

  public Course {
    List<Track> trackOrder = List.copyOf(tracks);
    tracks = trackOrder;
    concepts = List.copyOf(concepts);
    lessons =
        lessons.stream()
            .sorted(
                Comparator.comparingInt((Lesson l) -> trackOrder.indexOf(l.track()))
                    .thenComparingInt(Lesson::order)
                    .thenComparing(Lesson::id))
            .toList();
  }

  public Optional<Lesson> lesson(String id) {
    return lessons.stream().filter(l -> l.id().equals(id)).findFirst();
  }

  public List<Lesson> lessonsIn(Track track) {
    return lessons.stream().filter(l -> l.track().equals(track)).toList();
  }

  public Optional<Lesson> previous(Lesson lesson) {
    int i = lessons.indexOf(lesson);
    return i > 0 ? Optional.of(lessons.get(i - 1)) : Optional.empty();
  }

  public Optional<Lesson> next(Lesson lesson) {
    int i = lessons.indexOf(lesson);
    return i >= 0 && i + 1 < lessons.size() ? Optional.of(lessons.get(i + 1)) : Optional.empty();
  }

  public int exampleCount() {
    return lessons.stream().mapToInt(l -> l.examples().size()).sum();
  }

  /** The newest modification among all lessons, or {@code fallback} when there are none. */
  public Instant updated(Instant fallback) {
    return lessons.stream().map(Lesson::updated).max(Comparator.naturalOrder()).orElse(fallback);
  }
}

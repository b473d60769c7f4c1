package dev.polyglot.playground.content;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a whole snippets folder: {@code course.yaml}, then each lesson folder. A lesson with any
 * problem is left out of the course, so a bad file never becomes a broken page; its problems are
 * returned for the log, the validate command and the dev-mode banner.
 *
 * <p>This does blocking file I/O: call it from a worker thread, never from an event loop.
 */
public final class CourseLoader {
  static final String COURSE_FILE = "course.yaml";
  private static final Set<String> ROOT_FILES = Set.of(COURSE_FILE, "README.md");

  private CourseLoader() {}

  public static Loaded load(Path root) {
    List<Problem> problems = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      problems.add(Problem.in(root.toString(), "is not a folder of lessons"));
      return new Loaded(
          new Course("Polyglot Playground", "", List.of(), List.of(), List.of()), problems);
    }
    var tree = new SourceTree(root);
    CourseFile course = CourseFile.read(tree, root.resolve(COURSE_FILE), problems);
    tree.takeNewest();

    List<Lesson> lessons = new ArrayList<>();
    for (Path entry : tree.list(root)) {
      String name = entry.getFileName().toString();
      if (Files.isDirectory(entry)) {
        int before = problems.size();
        Optional<Lesson> lesson = new LessonReader(tree, course, problems).read(entry);
        if (problems.size() == before) {
          lesson.ifPresent(lessons::add);
        }
      } else if (!ROOT_FILES.contains(name)) {
        problems.add(
            Problem.in(
                tree.name(entry),
                "unexpected file: the snippets folder holds course.yaml, README.md and one folder"
                    + " per lesson"));
      }
    }
    // Two lessons in one track with the same order would make previous/next ambiguous.
    Map<String, Lesson> byPosition = new HashMap<>();
    lessons.removeIf(lesson -> {
      Lesson first = byPosition.putIfAbsent(lesson.track().id() + "#" + lesson.order(), lesson);
      if (first == null) {
        return false;
      }
      problems.add(
          Problem.in(
              lesson.id() + "/" + LessonReader.LESSON_FILE,
              "duplicate order %d in track '%s': lesson '%s' already uses it"
                  .formatted(lesson.order(), lesson.track().id(), first.id())));
      return true;
    });
    return new Loaded(
        new Course(course.title(), course.tagline(), course.tracks(), course.concepts(), lessons),
        problems);
  }
}

package dev.polyglot.playground.content;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads one lesson folder: {@code lesson.md} and the example folders it lists. */
final class LessonReader {
  static final String LESSON_FILE = "lesson.md";
  private static final Set<String> FIELDS =
      Set.of("title", "summary", "track", "order", "from", "to", "examples");

  private final SourceTree tree;
  private final CourseFile course;
  private final List<Problem> problems;

  LessonReader(SourceTree tree, CourseFile course, List<Problem> problems) {
    this.tree = tree;
    this.course = course;
    this.problems = problems;
  }

  Optional<Lesson> read(Path dir) {
    String id = dir.getFileName().toString();
    if (!Fields.ID.matcher(id).matches()) {
      problems.add(
          Problem.in(
              tree.name(dir),
              "'" + id + "' is not a valid lesson id: use lower-case letters, digits and '-'"));
      return Optional.empty();
    }
    Optional<FrontMatter> parsed = FrontMatter.read(tree, dir, LESSON_FILE, problems);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    FrontMatter matter = parsed.get();
    Fields fields = matter.fields();
    fields.allowOnly(FIELDS);
    var title = fields.text("title");
    var summary = fields.text("summary");
    var track = fields.text("track").flatMap(t -> track(fields, t));
    var order = fields.integer("order");
    var from = fields.text("from").flatMap(l -> language(fields, "from", l));
    var to = fields.text("to").flatMap(l -> language(fields, "to", l));
    var exampleIds = fields.idList("examples").orElse(List.of());
    if (matter.body().isBlank()) {
      problems.add(
          Problem.at(fields.file(), matter.bodyLine(), "has no prose after the front matter"));
    }
    List<Example> examples = examples(dir, fields, exampleIds);
    Path challengeDir = dir.resolve(ChallengeReader.FOLDER);
    List<Challenge> challenges =
        Files.isDirectory(challengeDir)
            ? new ChallengeReader(tree, problems).readAll(challengeDir)
            : List.of();
    if (title.isEmpty()
        || summary.isEmpty()
        || track.isEmpty()
        || order.isEmpty()
        || from.isEmpty()
        || to.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Lesson(
            id,
            title.get(),
            summary.get(),
            track.get(),
            order.get(),
            from.get(),
            to.get(),
            matter.body(),
            examples,
            challenges,
            tree.takeNewest()));
  }

  private List<Example> examples(Path dir, Fields fields, List<String> ids) {
    List<Example> examples = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      Path exampleDir = dir.resolve(ids.get(i));
      if (Files.isDirectory(exampleDir)) {
        new ExampleReader(tree, course, problems).read(exampleDir).ifPresent(examples::add);
      } else {
        fields.problem(
            "examples/" + i,
            "example '"
                + ids.get(i)
                + "' does not exist: there is no folder "
                + tree.name(dir)
                + ids.get(i)
                + "/");
      }
    }
    for (Path entry : tree.list(dir)) {
      String name = entry.getFileName().toString();
      if (Files.isDirectory(entry) && name.equals(ChallengeReader.FOLDER)) {
        continue;
      }
      if (Files.isDirectory(entry) && !ids.contains(name)) {
        problems.add(
            Problem.in(tree.name(entry), "is not listed in " + LESSON_FILE + " 'examples'"));
      } else if (!Files.isDirectory(entry) && !name.equals(LESSON_FILE)) {
        problems.add(
            Problem.in(
                tree.name(entry),
                "unexpected file: a lesson folder holds "
                    + LESSON_FILE
                    + ", one folder per example and "
                    + ChallengeReader.FOLDER
                    + "/"));
      }
    }
    return examples;
  }

  private Optional<Track> track(Fields fields, String id) {
    Optional<Track> track = course.track(id);
    if (track.isEmpty()) {
      List<String> known = course.tracks().stream().map(Track::id).toList();
      fields.problem(
          "track",
          "unknown track '%s' (%s)"
              .formatted(
                  id,
                  known.isEmpty()
                      ? "course.yaml lists no tracks"
                      : "course.yaml has: " + String.join(", ", known)));
    }
    return track;
  }

  private static Optional<Language> language(Fields fields, String key, String id) {
    Optional<Language> language = Language.byId(id);
    if (language.isEmpty()) {
      fields.problem(key, "unknown language '" + id + "' (one of: " + Language.ids() + ")");
    }
    return language;
  }
}

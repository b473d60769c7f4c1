package dev.polyglot.playground.content;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a lesson's {@code challenges/} folder: one folder per challenge, holding {@code
 * challenge.md} (title, checks, hints and the goal), {@code start.<ext>} and {@code
 * solution.<ext>}, both in one language that runs on the playground.
 */
final class ChallengeReader {
  static final String FOLDER = "challenges";
  static final String CHALLENGE_FILE = "challenge.md";

  private final SourceTree tree;
  private final List<Problem> problems;

  ChallengeReader(SourceTree tree, List<Problem> problems) {
    this.tree = tree;
    this.problems = problems;
  }

  /** Every challenge in {@code dir} (a lesson's {@code challenges/}), by folder name. */
  List<Challenge> readAll(Path dir) {
    List<Challenge> challenges = new ArrayList<>();
    for (Path entry : tree.list(dir)) {
      String id = entry.getFileName().toString();
      if (!Files.isDirectory(entry)) {
        problems.add(
            Problem.in(tree.name(entry), "unexpected file: challenges/ holds one folder each"));
      } else if (!Fields.ID.matcher(id).matches()) {
        problems.add(
            Problem.in(
                tree.name(entry),
                "'"
                    + id
                    + "' is not a valid challenge id: use lower-case letters, digits and '-'"));
      } else {
        read(entry).ifPresent(challenges::add);
      }
    }
    return List.copyOf(challenges);
  }

  private Optional<Challenge> read(Path dir) {
    Optional<FrontMatter> parsed = FrontMatter.read(tree, dir, CHALLENGE_FILE, problems);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    FrontMatter matter = parsed.get();
    Fields fields = matter.fields();
    fields.allowOnly(Set.of("title", "checks", "hints"));
    var title = fields.text("title");
    var hints = fields.textList("hints", false).orElse(List.of());
    List<Check> checks = new ArrayList<>();
    List<Fields> written = fields.mappingList("checks");
    for (int i = 0; i < written.size(); i++) {
      check(written.get(i)).ifPresent(checks::add);
    }
    if (fields.has("checks") && written.isEmpty()) {
      fields.problem("checks", "a challenge needs at least one check");
    }
    if (matter.body().isBlank()) {
      problems.add(
          Problem.at(fields.file(), matter.bodyLine(), "has no goal after the front matter"));
    }
    var start = source(dir, "start");
    var solution = source(dir, "solution");
    for (Path entry : tree.list(dir)) {
      String name = entry.getFileName().toString();
      if (!name.equals(CHALLENGE_FILE)
          && !name.startsWith("start.")
          && !name.startsWith("solution.")) {
        problems.add(
            Problem.in(
                tree.name(entry),
                "unexpected file: a challenge holds "
                    + CHALLENGE_FILE
                    + ", start.<ext> and solution.<ext>"));
      }
    }
    if (start.isPresent()
        && solution.isPresent()
        && start.get().language() != solution.get().language()) {
      problems.add(Problem.in(tree.name(dir), "start and solution must be in the same language"));
      return Optional.empty();
    }
    if (title.isEmpty() || start.isEmpty() || solution.isEmpty() || checks.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Challenge(
            dir.getFileName().toString(),
            title.get(),
            matter.body(),
            hints,
            List.copyOf(checks),
            start.get(),
            solution.get()));
  }

  /** One check: a mapping with a single key, the check's kind. */
  private Optional<Check> check(Fields f) {
    List<String> keys = f.keys();
    if (keys.size() != 1) {
      f.problem(
          keys.size() > 1 ? keys.get(1) : "",
          "each check is one key, one of: exit-code, output, output-set, wall-under,"
              + " overlapping, running-under");
      return Optional.empty();
    }
    String kind = keys.getFirst();
    return switch (kind) {
      case "exit-code" -> f.integer(kind).map(Check.ExitCode::new);
      case "output" -> f.textList(kind, true).map(Check.Output::new);
      case "output-set" -> f.textList(kind, true).map(Check.OutputSet::new);
      case "wall-under" -> seconds(f, kind).map(Check.WallUnder::new);
      case "running-under" -> seconds(f, kind).map(Check.RunningUnder::new);
      case "overlapping" ->
          f.mapping(kind)
              .flatMap(o -> {
                o.allowOnly(Set.of("at-least", "lanes"));
                Optional<String> lanes = o.optionalText("lanes");
                return o.integer("at-least")
                    .filter(n -> {
                      if (n < 2) {
                        o.problem("at-least", "'at-least' must be 2 or more");
                      }
                      return n >= 2;
                    })
                    .map(n -> new Check.Overlapping(n, lanes));
              });
      default -> {
        f.problem(
            kind,
            "unknown check '"
                + kind
                + "' (one of: exit-code, output, output-set, wall-under, overlapping,"
                + " running-under)");
        yield Optional.empty();
      }
    };
  }

  private static Optional<Double> seconds(Fields f, String kind) {
    Optional<Double> seconds = f.optionalSeconds(kind);
    if (seconds.isEmpty() && f.has(kind)) {
      return Optional.empty();
    }
    return seconds;
  }

  /** {@code start.<ext>} or {@code solution.<ext>}: exactly one, in a language that runs. */
  private Optional<Variant> source(Path dir, String id) {
    List<Path> files =
        tree.list(dir).stream()
            .filter(p -> p.getFileName().toString().startsWith(id + "."))
            .toList();
    if (files.size() != 1) {
      problems.add(
          Problem.in(
              tree.name(dir),
              files.isEmpty()
                  ? "has no " + id + ".<ext> (.py, .js or .java)"
                  : "has more than one " + id + " file"));
      return Optional.empty();
    }
    Path path = files.getFirst();
    String name = path.getFileName().toString();
    Optional<Language> language =
        Language.byExtension(name.substring(name.indexOf('.') + 1)).filter(Language::runnable);
    if (language.isEmpty()) {
      problems.add(
          Problem.in(
              tree.name(path), "a challenge's code must be in a language the playground runs"));
      return Optional.empty();
    }
    return tree.read(path, problems)
        .filter(code -> !code.isBlank())
        .map(code ->
            new Variant(
                language.get(),
                id,
                id.equals("start") ? "Start" : "Solution",
                "",
                name,
                code,
                Optional.empty(),
                Optional.empty(),
                Shown.of(code, language.get().lineComment(), tree.name(path), problems)));
  }
}

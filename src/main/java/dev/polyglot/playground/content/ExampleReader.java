package dev.polyglot.playground.content;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one example folder: {@code example.md}, then every source file ({@code <variant>.<ext>})
 * and its recorded output ({@code <variant>.<ext>.out}). Every language must be present.
 */
final class ExampleReader {
  static final String EXAMPLE_FILE = "example.md";
  static final String OUTPUT_SUFFIX = ".out";
  private static final Pattern DIFFERS = Pattern.compile("(?im)^##\\s+what differs\\s*$");

  private final SourceTree tree;
  private final CourseFile course;
  private final List<Problem> problems;

  ExampleReader(SourceTree tree, CourseFile course, List<Problem> problems) {
    this.tree = tree;
    this.course = course;
    this.problems = problems;
  }

  /** What an author may say about a source file in {@code variants:}. */
  private record Label(String label, String flavour, Optional<Double> seconds) {
    static final Label NONE = new Label("", "", Optional.empty());
  }

  Optional<Example> read(Path dir) {
    String id = dir.getFileName().toString();
    Optional<FrontMatter> parsed = FrontMatter.read(tree, dir, EXAMPLE_FILE, problems);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    FrontMatter matter = parsed.get();
    Fields fields = matter.fields();
    fields.allowOnly(Set.of("title", "concepts", "variants"));
    var title = fields.text("title");
    var concepts = fields.idList("concepts").orElse(List.of());
    for (int i = 0; i < concepts.size(); i++) {
      if (!course.knowsConcept(concepts.get(i))) {
        fields.problem(
            "concepts/" + i,
            "unknown concept '" + concepts.get(i) + "': concept ids are listed in course.yaml");
      }
    }
    Map<String, Label> labels = labels(fields);
    List<Variant> variants = variants(dir, labels);
    for (String labelled : labels.keySet()) {
      if (variants.stream().noneMatch(v -> v.file().equals(labelled))) {
        fields.problem(
            "variants/" + labelled, "'" + labelled + "' is not a source file in " + tree.name(dir));
      }
    }
    for (Language language : Language.values()) {
      if (variants.stream().noneMatch(v -> v.language() == language)) {
        problems.add(
            Problem.in(
                tree.name(dir),
                "missing the "
                    + language.displayName()
                    + " version: add a ."
                    + language.extension()
                    + " file"));
      }
    }
    var sections = DIFFERS.split(matter.body(), 2);
    String intro = sections[0].strip();
    String differs = sections.length > 1 ? sections[1].strip() : "";
    return title.map(t -> new Example(id, t, concepts, intro, differs, sorted(variants, labels)));
  }

  private Map<String, Label> labels(Fields fields) {
    Map<String, Label> labels = new LinkedHashMap<>();
    fields
        .mappings("variants")
        .forEach((name, f) -> {
          f.allowOnly(Set.of("label", "flavour", "seconds"));
          labels.put(
              name,
              new Label(
                  f.optionalText("label").orElse(""),
                  f.optionalText("flavour").orElse(""),
                  f.optionalSeconds("seconds")));
        });
    return labels;
  }

  private List<Variant> variants(Path dir, Map<String, Label> labels) {
    List<Path> entries = tree.list(dir);
    List<Variant> variants = new ArrayList<>();
    for (Path entry : entries) {
      String name = entry.getFileName().toString();
      if (name.equals(EXAMPLE_FILE)) {
        continue;
      }
      if (name.endsWith(OUTPUT_SUFFIX)) {
        Path source =
            entry.resolveSibling(name.substring(0, name.length() - OUTPUT_SUFFIX.length()));
        if (!entries.contains(source)) {
          problems.add(
              Problem.in(
                  tree.name(entry),
                  "is recorded output for " + source.getFileName() + ", which does not exist"));
        }
        continue;
      }
      source(entry, labels).ifPresent(variants::add);
    }
    return variants;
  }

  private Optional<Variant> source(Path path, Map<String, Label> labels) {
    String name = path.getFileName().toString();
    int dot = name.lastIndexOf('.');
    Optional<Language> language =
        dot > 0 ? Language.byExtension(name.substring(dot + 1)) : Optional.empty();
    if (Files.isDirectory(path) || language.isEmpty()) {
      problems.add(
          Problem.in(
              tree.name(path),
              "unexpected file: an example holds "
                  + EXAMPLE_FILE
                  + ", source files ("
                  + String.join(
                      ", ",
                      java.util.Arrays.stream(Language.values())
                          .map(l -> "." + l.extension())
                          .toList())
                  + ") and their recorded output (<file>.out)"));
      return Optional.empty();
    }
    String id = name.substring(0, dot);
    if (!Fields.ID.matcher(id).matches()) {
      problems.add(
          Problem.in(
              tree.name(path),
              "'" + id + "' is not a valid variant id: use lower-case letters, digits and '-'"));
      return Optional.empty();
    }
    Optional<String> code = tree.read(path, problems);
    if (code.isPresent() && code.get().isBlank()) {
      problems.add(Problem.in(tree.name(path), "is empty"));
      return Optional.empty();
    }
    Path out = path.resolveSibling(name + OUTPUT_SUFFIX);
    Optional<String> expected =
        Files.isRegularFile(out) ? tree.read(out, problems) : Optional.empty();
    Label label = labels.getOrDefault(name, Label.NONE);
    return code.map(c ->
        new Variant(
            language.get(),
            id,
            label.label().isEmpty() ? id : label.label(),
            label.flavour(),
            name,
            c,
            expected,
            label.seconds(),
            Shown.of(c, language.get().lineComment(), tree.name(path), problems)));
  }

  /** By language, then the order of {@code variants:}, then {@code main}, then by name. */
  private static List<Variant> sorted(List<Variant> variants, Map<String, Label> labels) {
    List<String> labelled = List.copyOf(labels.keySet());
    Comparator<Variant> byAuthor =
        Comparator.comparingInt(
            v -> labelled.contains(v.file()) ? labelled.indexOf(v.file()) : labelled.size());
    return variants.stream()
        .sorted(
            Comparator.comparing(Variant::language)
                .thenComparing(byAuthor)
                .thenComparing(v -> !v.id().equals("main"))
                .thenComparing(Variant::id))
        .toList();
  }
}

package dev.polyglot.playground.content;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The contents of {@code course.yaml}: the site's title, its tracks and the concept checklist. */
record CourseFile(String title, String tagline, List<Track> tracks, List<Concept> concepts) {

  Optional<Track> track(String id) {
    return tracks.stream().filter(t -> t.id().equals(id)).findFirst();
  }

  boolean knowsConcept(String id) {
    return concepts.isEmpty() || concepts.stream().anyMatch(c -> c.id().equals(id));
  }

  static CourseFile read(SourceTree tree, Path path, List<Problem> problems) {
    var fallback = new CourseFile("Polyglot Playground", "", List.of(), List.of());
    String file = tree.name(path);
    if (!Files.isRegularFile(path)) {
      problems.add(Problem.in(file, "is missing: it names the course and lists its tracks"));
      return fallback;
    }
    Optional<Fields> parsed =
        tree.read(path, problems)
            .flatMap(text -> YamlDoc.parse(file, text, 1, problems))
            .map(doc -> new Fields(file, doc, problems));
    if (parsed.isEmpty()) {
      return fallback;
    }
    Fields fields = parsed.get();
    fields.allowOnly(Set.of("title", "tagline", "tracks", "concepts"));
    List<Track> tracks = new ArrayList<>();
    for (Fields t : fields.mappingList("tracks")) {
      t.allowOnly(Set.of("id", "title", "summary"));
      var id = t.id("id");
      var title = t.text("title");
      if (id.isPresent() && tracks.stream().anyMatch(x -> x.id().equals(id.get()))) {
        t.problem("id", "duplicate track id '" + id.get() + "'");
      } else if (id.isPresent() && title.isPresent()) {
        tracks.add(new Track(id.get(), title.get(), t.optionalText("summary").orElse("")));
      }
    }
    List<Concept> concepts = new ArrayList<>();
    if (fields.has("concepts")) {
      for (Fields c : fields.mappingList("concepts")) {
        c.allowOnly(Set.of("id", "title"));
        var id = c.id("id");
        var title = c.text("title");
        if (id.isPresent() && concepts.stream().anyMatch(x -> x.id().equals(id.get()))) {
          c.problem("id", "duplicate concept id '" + id.get() + "'");
        } else if (id.isPresent() && title.isPresent()) {
          concepts.add(new Concept(id.get(), title.get()));
        }
      }
    }
    return new CourseFile(
        fields.text("title").orElse(fallback.title()),
        fields.optionalText("tagline").orElse(""),
        tracks,
        concepts);
  }
}

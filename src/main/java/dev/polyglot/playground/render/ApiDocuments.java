package dev.polyglot.playground.render;

import dev.polyglot.playground.content.Course;
import dev.polyglot.playground.content.Example;
import dev.polyglot.playground.content.Lesson;
import dev.polyglot.playground.content.Variant;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The JSON API's documents ({@code docs/protocol.md}). Field names here are a public contract:
 * fields may be added, never renamed or removed.
 */
final class ApiDocuments {
  private ApiDocuments() {}

  static JsonArray lessons(Course course) {
    var list = new JsonArray();
    course.lessons().forEach(l -> list.add(summary(l)));
    return list;
  }

  static JsonObject lesson(Lesson lesson) {
    var examples = new JsonArray();
    lesson.examples().forEach(e -> examples.add(example(e)));
    return summary(lesson).put("prose", lesson.prose()).put("examples", examples);
  }

  private static JsonObject summary(Lesson lesson) {
    return new JsonObject()
        .put("id", lesson.id())
        .put("title", lesson.title())
        .put("summary", lesson.summary())
        .put("track", lesson.track().id())
        .put("order", lesson.order())
        .put("from", lesson.from().id())
        .put("to", lesson.to().id())
        .put("examples", new JsonArray(lesson.examples().stream().map(Example::id).toList()));
  }

  private static JsonObject example(Example example) {
    var variants = new JsonArray();
    example.variants().forEach(v -> variants.add(variant(v)));
    return new JsonObject()
        .put("id", example.id())
        .put("title", example.title())
        .put("concepts", new JsonArray(example.concepts()))
        .put("intro", example.intro())
        .put("differs", example.differs())
        .put("variants", variants);
  }

  private static JsonObject variant(Variant variant) {
    var json =
        new JsonObject()
            .put("language", variant.language().id())
            .put("id", variant.id())
            .put("label", variant.label())
            .put("file", variant.file())
            .put("code", variant.code())
            .put("runnable", variant.runnable());
    if (!variant.flavour().isEmpty()) {
      json.put("flavour", variant.flavour());
    }
    variant.expectedOutput().ifPresent(out -> json.put("expectedOutput", out));
    variant.expectedSeconds().ifPresent(seconds -> json.put("expectedSeconds", seconds));
    if (variant.shown().marked()) {
      // What a page shows of the code; an edit of it runs between the hidden prelude and epilogue.
      json.put("shown", variant.shown().text());
      variant.shown().readOnlyAttribute().ifPresent(lines -> json.put("readOnlyLines", lines));
    }
    return json;
  }
}

package dev.polyglot.playground.render;

import dev.polyglot.playground.content.Challenge;
import dev.polyglot.playground.content.Check;
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
    var challenges = new JsonArray();
    lesson.challenges().forEach(c -> challenges.add(challenge(c)));
    return summary(lesson)
        .put("prose", lesson.prose())
        .put("examples", examples)
        .put("challenges", challenges);
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

  private static JsonObject challenge(Challenge challenge) {
    var checks = new JsonArray();
    challenge.checks().forEach(c -> checks.add(check(c)));
    return new JsonObject()
        .put("id", challenge.id())
        .put("title", challenge.title())
        .put("language", challenge.language().id())
        .put("goal", challenge.goal())
        .put("hints", new JsonArray(challenge.hints()))
        .put("checks", checks)
        .put("start", variant(challenge.start()))
        .put("solution", variant(challenge.solution()));
  }

  /** A check as written, with its kind under {@code check} and its goal in words. */
  private static JsonObject check(Check check) {
    var json = new JsonObject().put("check", check.kind()).put("goal", check.goal());
    return switch (check) {
      case Check.ExitCode c -> json.put("code", c.code());
      case Check.Output c -> json.put("lines", new JsonArray(c.lines()));
      case Check.OutputSet c -> json.put("lines", new JsonArray(c.lines()));
      case Check.WallUnder c -> json.put("seconds", c.seconds());
      case Check.RunningUnder c -> json.put("seconds", c.seconds());
      case Check.Overlapping c -> {
        json.put("atLeast", c.atLeast());
        c.lanes().ifPresent(n -> json.put("lanes", n));
        yield json;
      }
    };
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

package dev.polyglot.playground.run;

import dev.polyglot.playground.content.Challenge;
import dev.polyglot.playground.content.Check;
import dev.polyglot.playground.content.Course;
import dev.polyglot.playground.content.Example;
import dev.polyglot.playground.content.Language;
import dev.polyglot.playground.content.Lesson;
import dev.polyglot.playground.content.Variant;
import dev.polyglot.playground.run.RunEvent.Error.Reason;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns a run request from a client ({@code {"lesson","example","language"?,"variant"?,"source"?}}
 * or {@code {"lesson","challenge","source"?}}, see {@code docs/protocol.md}) into a {@link
 * RunRequest}, or into the events that say why not: the lesson lookup, the source-size limit, and
 * the shift of compiler messages past hidden lines. Shared by every transport.
 */
public final class RunTargets {
  private RunTargets() {}

  /** Why a request was refused, so that a transport can say it its own way (an HTTP status). */
  public enum Refusal {
    MALFORMED,
    NOT_FOUND,
    TOO_LARGE
  }

  /**
   * Either a request to run, or the events (ending in an error) that refuse it. An edit of a
   * variant with a hidden prelude runs after it, {@code lineOffset} lines down. A challenge's run
   * has its {@code checks}, judged as it ends.
   */
  public record Resolved(
      RunRequest request, List<RunEvent> refusal, Refusal why, int lineOffset, List<Check> checks) {
    Resolved(RunRequest request, List<RunEvent> refusal, Refusal why, int lineOffset) {
      this(request, refusal, why, lineOffset, List.of());
    }

    static Resolved refuse(Refusal why, String message) {
      return new Resolved(null, List.of(new RunEvent.Error(Reason.INVALID, message)), why, 0);
    }

    public boolean ok() {
      return request != null;
    }

    /**
     * Passes the run's events on, with compiler messages placed in the reader's own text, and a
     * challenge's checks judged before its exit.
     */
    public Handler<RunEvent> toReader(Handler<RunEvent> events) {
      Handler<RunEvent> judged = checks.isEmpty() ? events : new Judge(checks, events);
      if (lineOffset == 0) {
        return judged;
      }
      return event ->
          judged.handle(
              switch (event) {
                case RunEvent.Diagnostic d ->
                    new RunEvent.Diagnostic(
                        d.severity(), Math.max(1, d.line() - lineOffset), d.column(), d.message());
                // A line of the hidden prelude becomes 0 or less: the page marks no line then.
                case RunEvent.At at -> new RunEvent.At(at.thread(), at.t(), at.line() - lineOffset);
                default -> event;
              });
    }
  }

  public static Resolved resolve(Course course, JsonObject body, Limits limits) {
    String lessonId = string(body, "lesson");
    String exampleId = string(body, "example");
    String challengeId = string(body, "challenge");
    if (lessonId == null || (exampleId == null) == (challengeId == null)) {
      return Resolved.refuse(
          Refusal.MALFORMED,
          "A run needs \"lesson\" and either \"example\" or \"challenge\" (text).");
    }
    Lesson lesson = course.lesson(lessonId).orElse(null);
    if (lesson == null) {
      return Resolved.refuse(Refusal.NOT_FOUND, "Unknown lesson '" + lessonId + "'.");
    }
    if (challengeId != null) {
      Challenge challenge = lesson.challenge(challengeId).orElse(null);
      if (challenge == null) {
        return Resolved.refuse(
            Refusal.NOT_FOUND, "Lesson '" + lessonId + "' has no challenge '" + challengeId + "'.");
      }
      Resolved run =
          source(body, challenge.start(), lessonId + "/challenges/" + challengeId, limits);
      return run.ok()
          ? new Resolved(run.request(), List.of(), null, run.lineOffset(), challenge.checks())
          : run;
    }
    Example example =
        lesson.examples().stream().filter(e -> e.id().equals(exampleId)).findFirst().orElse(null);
    if (example == null) {
      return Resolved.refuse(
          Refusal.NOT_FOUND, "Lesson '" + lessonId + "' has no example '" + exampleId + "'.");
    }
    Object languageId = body.getValue("language", Language.JAVA.id());
    Language language = languageId instanceof String id ? Language.byId(id).orElse(null) : null;
    if (language == null) {
      return Resolved.refuse(
          Refusal.MALFORMED,
          "\"language\" must be one of: "
              + String.join(
                  ", ",
                  java.util.Arrays.stream(Language.values())
                      .filter(Language::runnable)
                      .map(Language::id)
                      .toList())
              + ".");
    }
    if (!language.runnable()) {
      return Resolved.refuse(
          Refusal.NOT_FOUND,
          "%s does not run on this playground; its recorded output is shown instead."
              .formatted(language.displayName()));
    }
    List<Variant> variants = example.variants(language);
    String name = language.displayName();
    String variantId = string(body, "variant");
    Variant variant;
    if (variants.isEmpty()) {
      return Resolved.refuse(
          Refusal.NOT_FOUND, "Example '%s' has no %s code to run.".formatted(exampleId, name));
    }
    if (variantId == null) {
      if (variants.size() != 1) {
        return Resolved.refuse(
            Refusal.MALFORMED,
            "Example '%s' has several %s variants; say which: %s"
                .formatted(
                    exampleId,
                    name,
                    String.join(", ", variants.stream().map(Variant::id).toList())));
      }
      variant = variants.getFirst();
    } else {
      variant = variants.stream().filter(v -> v.id().equals(variantId)).findFirst().orElse(null);
      if (variant == null) {
        return Resolved.refuse(
            Refusal.NOT_FOUND,
            "Example '%s' has no %s variant '%s'.".formatted(exampleId, name, variantId));
      }
    }
    return source(body, variant, lessonId + "/" + exampleId + "/" + variant.id(), limits);
  }

  /** The variant's own code, or the reader's edit of it put back between its hidden lines. */
  private static Resolved source(JsonObject body, Variant variant, String label, Limits limits) {
    Language language = variant.language();
    Object source = body.getValue("source");
    if (source == null || source.equals(variant.code()) || source.equals(variant.shown().text())) {
      // The whole file runs, and the page shows it without its hidden prelude.
      return new Resolved(
          new RunRequest(label, variant.code(), true, language),
          List.of(),
          null,
          variant.shown().lineOffset());
    }
    if (!(source instanceof String edited)) {
      return Resolved.refuse(Refusal.MALFORMED, "\"source\" must be text.");
    }
    int size = edited.getBytes(StandardCharsets.UTF_8).length;
    if (size > limits.sourceBytes()) {
      String message =
          "The code is %d KiB; the most this playground compiles is %d KiB."
              .formatted((size + 1023) / 1024, limits.sourceBytes() / 1024);
      return new Resolved(
          null,
          List.of(
              new RunEvent.Limit(Limits.Kind.SOURCE_SIZE, message),
              new RunEvent.Error(Reason.LIMIT, message)),
          Refusal.TOO_LARGE,
          0);
    }
    var shown = variant.shown();
    return new Resolved(
        new RunRequest(label + " (edited)", shown.around(edited), false, language),
        List.of(),
        null,
        shown.lineOffset());
  }

  private static String string(JsonObject body, String key) {
    return body.getValue(key) instanceof String s && !s.isBlank() ? s : null;
  }
}

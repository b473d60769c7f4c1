package dev.polyglot.playground.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyglot.playground.content.Course;
import dev.polyglot.playground.content.CourseLoader;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lines a run reports are moved to the reader's text, past the lines the page hides. */
class RunTargetsTest {
  static final Course COURSE = CourseLoader.load(Path.of("snippets")).course();
  static final Limits LIMITS = Limits.DEFAULTS;

  private static List<RunEvent> through(JsonObject body, RunEvent... events) {
    var resolved = RunTargets.resolve(COURSE, body, LIMITS);
    assertThat(resolved.ok()).isTrue();
    List<RunEvent> out = new ArrayList<>();
    var reader = resolved.toReader(out::add);
    for (RunEvent e : events) {
      reader.handle(e);
    }
    return out;
  }

  @Test
  void whereATaskWaitsIsALineOfTheShownCodeForBundledAndEditedRuns() {
    var bundled =
        new JsonObject()
            .put("lesson", "why-and-model")
            .put("example", "three-waits")
            .put("variant", "sequential");
    var variant =
        COURSE.lesson("why-and-model").orElseThrow().examples().getFirst().variants().stream()
            .filter(v -> v.file().equals("sequential.java"))
            .findFirst()
            .orElseThrow();
    int hidden = variant.shown().lineOffset();
    assertThat(hidden).as("the example hides a prelude").isPositive();
    var shifted =
        through(bundled, new RunEvent.At("main", 5, hidden + 3), new RunEvent.At("main", 6, 2));
    assertThat(shifted)
        .containsExactly(new RunEvent.At("main", 5, 3), new RunEvent.At("main", 6, 2 - hidden));

    var edited = bundled.copy().put("source", "void main() throws Exception {\n}\n");
    assertThat(through(edited, new RunEvent.At("main", 5, hidden + 1)))
        .containsExactly(new RunEvent.At("main", 5, 1));
  }
}

package dev.polyglot.playground;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  @TempDir Path root;

  @Test
  void validLessonsExitZero() {
    var out = new ByteArrayOutputStream();
    int code =
        Main.validate(
            TestServer.config("--snippets", Fixtures.VALID.toString()),
            new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo("OK: 2 lessons, 2 examples, 0 problems\n");
  }

  @Test
  void problemsArePrintedCompilerStyleAndExitOne() {
    Fixtures.copyValid(root);
    Fixtures.edit(root, "first-lesson/lesson.md", "order: 1", "order: 1\nauthor: me");
    Fixtures.delete(root, "second-lesson/wait-all/main.py");
    var out = new ByteArrayOutputStream();

    int code =
        Main.validate(
            TestServer.config("--snippets", root.toString()),
            new PrintStream(out, true, StandardCharsets.UTF_8));

    assertThat(code).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("first-lesson/lesson.md:6: unknown field 'author'")
        .contains("second-lesson/wait-all/: missing the Python version: add a .py file")
        .endsWith("FAILED: 0 lessons, 0 examples, 2 problems\n");
  }

  @Test
  void theBundledLessonsAreValid() {
    var out = new ByteArrayOutputStream();
    int code =
        Main.validate(
            TestServer.config("--snippets", "snippets"),
            new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("OK:");
    assertThat(code).isZero();
  }
}

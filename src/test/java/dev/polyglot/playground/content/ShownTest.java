package dev.polyglot.playground.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Lesson markers: what a page shows of a file, and how an edit is run. */
class ShownTest {
  static final String FILE =
      """
      // playground:hide-start
      void helper() { IO.println("help"); }
      // playground:hide-end
      void main() {
          helper();
          // playground:readonly-start
          IO.println("fixed");
          IO.println("also fixed");
          // playground:readonly-end
          IO.println("yours");
      }
      // playground:hide-start
      // the end
      // playground:hide-end
      """;

  @Test
  void hiddenLinesAndMarkersAreLeftOutAndReadOnlyLinesAreCounted() {
    List<Problem> problems = new ArrayList<>();
    Shown shown = Shown.of(FILE, "//", "x.java", problems);
    assertThat(problems).isEmpty();
    assertThat(shown.text())
        .isEqualTo(
            """
            void main() {
                helper();
                IO.println("fixed");
                IO.println("also fixed");
                IO.println("yours");
            }
            """);
    assertThat(shown.readOnly()).containsExactly(new Shown.Range(3, 4));
    assertThat(shown.readOnlyAttribute()).contains("3-4");
    assertThat(shown.lineOffset()).isEqualTo(3);
    assertThat(shown.marked()).isTrue();
    // An edit runs between the hidden parts, at the lines the offset says.
    String program = shown.around("void main() { helper(); }");
    assertThat(program)
        .startsWith("// playground:hide-start\nvoid helper()")
        .contains("// playground:hide-end\nvoid main() { helper(); }\n// playground:hide-start")
        .endsWith("// the end\n// playground:hide-end\n");
    assertThat(program.lines().toList().get(shown.lineOffset()))
        .isEqualTo("void main() { helper(); }");
  }

  @Test
  void pythonMarkersUseItsOwnComments() {
    List<Problem> problems = new ArrayList<>();
    Shown shown =
        Shown.of(
            "# playground:hide-start\nimport asyncio\n# playground:hide-end\nprint(1)\n",
            "#",
            "x.py",
            problems);
    assertThat(problems).isEmpty();
    assertThat(shown.text()).isEqualTo("print(1)\n");
  }

  @Test
  void aFileWithoutMarkersIsShownWhole() {
    Shown shown = Shown.of("void main() {}\n", "//", "x.java", new ArrayList<>());
    assertThat(shown.text()).isEqualTo("void main() {}\n");
    assertThat(shown.marked()).isFalse();
    assertThat(shown.around("edited")).isEqualTo("edited");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "a\\n// playground:hide-start\\nb\\n// playground:hide-end\\nc\\n|3|hidden lines must come"
            + " before or after",
        "// playground:hide-start\\na\\n|0|is never ended",
        "a\\n// playground:readonly-end\\n|2|without its -start",
        "// playground:hide-start\\n// playground:readonly-start\\n|2|inside a hide region",
        "// playground:hide-start\\na\\n// playground:hide-end\\n|0|every line is hidden",
      })
  void badMarkersAreReportedWithTheirLine(String code, int line, String message) {
    List<Problem> problems = new ArrayList<>();
    Shown shown = Shown.of(code.replace("\\n", "\n"), "//", "x.java", problems);
    assertThat(problems)
        .singleElement()
        .satisfies(p -> {
          assertThat(p.line()).isEqualTo(line);
          assertThat(p.message()).contains(message);
        });
    // The page still shows the file, whole.
    assertThat(shown.text()).isEqualTo(code.replace("\\n", "\n"));
  }
}

package dev.polyglot.playground.content;

import static dev.polyglot.playground.Fixtures.delete;
import static dev.polyglot.playground.Fixtures.edit;
import static dev.polyglot.playground.Fixtures.mkdir;
import static dev.polyglot.playground.Fixtures.write;
import static dev.polyglot.playground.Fixtures.writeBytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.polyglot.playground.Fixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CourseLoaderTest {
  private static final String LESSON = "first-lesson/lesson.md";
  private static final String EXAMPLE = "first-lesson/hello/example.md";

  @TempDir Path root;

  @Test
  void loadsTheValidFixtureInReadingOrder() {
    Loaded loaded = CourseLoader.load(Fixtures.VALID);

    assertThat(loaded.problems()).isEmpty();
    Course course = loaded.course();
    assertThat(course.title()).isEqualTo("Fixture Course");
    assertThat(course.lessons())
        .extracting(Lesson::id)
        .containsExactly("first-lesson", "second-lesson");
    Lesson first = course.lessons().getFirst();
    assertThat(first.from()).isEqualTo(Language.PYTHON);
    assertThat(first.to()).isEqualTo(Language.CSHARP);
    Example hello = first.examples().getFirst();
    assertThat(hello.intro()).isEqualTo("Each language prints a greeting.");
    assertThat(hello.differs()).isEqualTo("- Nothing much.");
    assertThat(hello.variants()).extracting(Variant::language).containsExactly(Language.values());
    assertThat(hello.variants(Language.JAVA).getFirst().expectedOutput())
        .contains("<b>hello</b> from java\n");
    assertThat(hello.variants(Language.CSHARP).getFirst().expectedOutput()).isEmpty();
    assertThat(course.next(first)).map(Lesson::id).contains("second-lesson");
    Challenge hello2 = first.challenges().getFirst();
    assertThat(hello2.id()).isEqualTo("say-hello");
    assertThat(hello2.language()).isEqualTo(Language.PYTHON);
    assertThat(hello2.checks())
        .containsExactly(new Check.ExitCode(0), new Check.Output(List.of("hello", "world")));
    assertThat(hello2.hints()).containsExactly("Print a second line.");
    assertThat(hello2.solution().code()).endsWith("print(\"world\")\n");
    assertThat(course.previous(first)).isEmpty();
  }

  @Test
  void keepsTheAuthorsVariantOrderAndLabels() {
    Example waitAll =
        CourseLoader.load(Fixtures.VALID).course().lessons().get(1).examples().getFirst();

    assertThat(waitAll.variants(Language.JAVA))
        .extracting(Variant::id, Variant::label, Variant::flavour)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("sequential", "Sequential", "plain loop"),
            org.assertj.core.groups.Tuple.tuple("concurrent", "Concurrent", "virtual threads"));
  }

  record Case(String name, Consumer<Path> breakIt, String file, int line, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final String CHALLENGE = "first-lesson/challenges/say-hello/challenge.md";

  static Stream<Case> brokenTrees() {
    return Stream.of(
        new Case(
            "unknown check",
            r -> edit(r, CHALLENGE, "  - exit-code: 0", "  - finishes-soon: 1"),
            CHALLENGE,
            4,
            "unknown check 'finishes-soon'"),
        new Case(
            "bad wall time",
            r -> edit(r, CHALLENGE, "  - exit-code: 0", "  - wall-under: soon"),
            CHALLENGE,
            4,
            "must be a positive number of seconds"),
        new Case(
            "overlap of one",
            r -> edit(r, CHALLENGE, "  - exit-code: 0", "  - overlapping: { at-least: 1 }"),
            CHALLENGE,
            4,
            "'at-least' must be 2 or more"),
        new Case(
            "no solution",
            r -> delete(r, "first-lesson/challenges/say-hello/solution.py"),
            "first-lesson/challenges/say-hello/",
            0,
            "has no solution.<ext>"),
        new Case(
            "malformed YAML",
            r -> edit(r, LESSON, "title: First lesson", "title: [unclosed"),
            LESSON,
            3,
            "malformed YAML"),
        new Case(
            "no front matter",
            r -> write(r, LESSON, "# Just prose\n"),
            LESSON,
            1,
            "must start with YAML front matter"),
        new Case(
            "unclosed front matter",
            r -> write(r, LESSON, "---\ntitle: x\n\nprose\n"),
            LESSON,
            1,
            "front matter is not closed"),
        new Case(
            "front matter not a mapping",
            r -> write(r, LESSON, "---\n- a\n- b\n---\nprose\n"),
            LESSON,
            2,
            "must be a YAML mapping"),
        new Case(
            "unknown field",
            r -> edit(r, LESSON, "order: 1\n", "order: 1\nauthor: me\n"),
            LESSON,
            6,
            "unknown field 'author'"),
        new Case(
            "duplicate field",
            r -> edit(r, LESSON, "order: 1\n", "order: 1\ntitle: Again\n"),
            LESSON,
            6,
            "duplicate field 'title'"),
        new Case(
            "missing field",
            r -> edit(r, LESSON, "summary: The first fixture lesson.\n", ""),
            LESSON,
            2,
            "missing required field 'summary'"),
        new Case(
            "order not a number",
            r -> edit(r, LESSON, "order: 1", "order: first"),
            LESSON,
            5,
            "must be a whole number"),
        new Case(
            "unknown track",
            r -> edit(r, LESSON, "track: from-python", "track: from-ruby"),
            LESSON,
            4,
            "unknown track 'from-ruby'"),
        new Case(
            "unknown language",
            r -> edit(r, LESSON, "from: python", "from: ruby"),
            LESSON,
            6,
            "unknown language 'ruby'"),
        new Case(
            "duplicate example id",
            r -> edit(r, LESSON, "[hello]", "[hello, hello]"),
            LESSON,
            8,
            "duplicate id 'hello'"),
        new Case(
            "missing example",
            r -> edit(r, LESSON, "[hello]", "[hello, goodbye]"),
            LESSON,
            8,
            "example 'goodbye' does not exist"),
        new Case(
            "bad example id",
            r -> edit(r, LESSON, "[hello]", "[Hello_World]"),
            LESSON,
            8,
            "'Hello_World' is not a valid id"),
        new Case(
            "no prose",
            r ->
                write(
                    r,
                    LESSON,
                    "---\ntitle: t\nsummary: s\ntrack: from-python\norder: 1\nfrom: python\nto: csharp\nexamples: [hello]\n---\n"),
            LESSON,
            10,
            "has no prose"),
        new Case(
            "unlisted example folder",
            r -> mkdir(r, "first-lesson/extra"),
            "first-lesson/extra/",
            0,
            "is not listed in lesson.md"),
        new Case(
            "stray file in lesson",
            r -> write(r, "first-lesson/notes.txt", "x"),
            "first-lesson/notes.txt",
            0,
            "unexpected file"),
        new Case(
            "missing language",
            r -> delete(r, "first-lesson/hello/main.cs"),
            "first-lesson/hello/",
            0,
            "missing the C# version"),
        new Case(
            "unknown extension",
            r -> write(r, "first-lesson/hello/main.rb", "puts 1"),
            "first-lesson/hello/main.rb",
            0,
            "unexpected file"),
        new Case(
            "orphan output",
            r -> write(r, "first-lesson/hello/other.py.out", "x"),
            "first-lesson/hello/other.py.out",
            0,
            "other.py, which does not exist"),
        new Case(
            "empty source",
            r -> write(r, "first-lesson/hello/main.js", "  \n"),
            "first-lesson/hello/main.js",
            0,
            "is empty"),
        new Case(
            "bad variant id",
            r -> write(r, "first-lesson/hello/Main_2.py", "print(1)"),
            "first-lesson/hello/Main_2.py",
            0,
            "not a valid variant id"),
        new Case(
            "invalid UTF-8",
            r ->
                writeBytes(
                    r, "first-lesson/hello/main.py", new byte[] {'p', (byte) 0xC3, (byte) 0x28}),
            "first-lesson/hello/main.py",
            0,
            "not valid UTF-8"),
        new Case(
            "no example.md",
            r -> delete(r, EXAMPLE),
            "first-lesson/hello/",
            0,
            "has no example.md"),
        new Case(
            "unknown concept",
            r -> edit(r, EXAMPLE, "[define]", "[define, telepathy]"),
            EXAMPLE,
            3,
            "unknown concept 'telepathy'"),
        new Case(
            "unknown example field",
            r -> edit(r, EXAMPLE, "title: Say hello", "title: Say hello\ncolour: red"),
            EXAMPLE,
            3,
            "unknown field 'colour'"),
        new Case(
            "label for missing file",
            r ->
                edit(
                    r,
                    EXAMPLE,
                    "concepts: [define]",
                    "concepts: [define]\nvariants:\n  fast.java: { label: Fast }"),
            EXAMPLE,
            5,
            "'fast.java' is not a source file"),
        new Case(
            "unknown variant field",
            r ->
                edit(
                    r,
                    EXAMPLE,
                    "concepts: [define]",
                    "concepts: [define]\nvariants:\n  main.java: { colour: red }"),
            EXAMPLE,
            5,
            "unknown field 'colour'"),
        new Case(
            "seconds not a number",
            r ->
                edit(
                    r,
                    EXAMPLE,
                    "concepts: [define]",
                    "concepts: [define]\nvariants:\n  main.java: { seconds: soon }"),
            EXAMPLE,
            5,
            "must be a positive number of seconds"),
        new Case(
            "duplicate order in a track",
            r -> edit(r, "second-lesson/lesson.md", "track: in-depth", "track: from-python"),
            "second-lesson/lesson.md",
            0,
            "duplicate order 1 in track 'from-python'"),
        new Case(
            "bad lesson folder name",
            r -> mkdir(r, "Bad_Lesson"),
            "Bad_Lesson/",
            0,
            "not a valid lesson id"),
        new Case(
            "lesson folder without lesson.md",
            r -> mkdir(r, "empty-lesson"),
            "empty-lesson/",
            0,
            "has no lesson.md"),
        new Case(
            "stray file at the root",
            r -> write(r, "notes.txt", "x"),
            "notes.txt",
            0,
            "unexpected file"),
        new Case(
            "duplicate track id",
            r -> edit(r, "course.yaml", "  - id: in-depth", "  - id: from-python"),
            "course.yaml",
            7,
            "duplicate track id 'from-python'"),
        new Case(
            "unknown course field",
            r -> edit(r, "course.yaml", "tagline:", "logo: x.png\ntagline:"),
            "course.yaml",
            2,
            "unknown field 'logo'"),
        new Case(
            "malformed course.yaml",
            r -> write(r, "course.yaml", "title: [x\n"),
            "course.yaml",
            1,
            "malformed YAML"),
        new Case(
            "missing course.yaml", r -> delete(r, "course.yaml"), "course.yaml", 0, "is missing"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenTrees")
  void reportsEachProblemWithItsFileAndLine(Case c) {
    c.breakIt().accept(Fixtures.copyValid(root));

    Loaded loaded = CourseLoader.load(root);

    assertThat(loaded.problems())
        .as("problems for: %s", c.name())
        .anySatisfy(p -> {
          assertThat(p.file()).isEqualTo(c.file());
          assertThat(p.line()).isEqualTo(c.line());
          assertThat(p.message()).contains(c.message());
        });
  }

  @Test
  void ignoresWhatToolchainsLeaveBehind() {
    Fixtures.copyValid(root);
    Fixtures.write(root, "first-lesson/hello/__pycache__/main.cpython-311.pyc", "x");
    Fixtures.mkdir(root, "first-lesson/hello/node_modules");

    assertThat(CourseLoader.load(root).problems()).isEmpty();
  }

  @Test
  void leavesOutOnlyTheBrokenLesson() {
    Fixtures.copyValid(root);
    delete(root, "first-lesson/hello/main.cs");

    Loaded loaded = CourseLoader.load(root);

    assertThat(loaded.ok()).isFalse();
    assertThat(loaded.course().lessons()).extracting(Lesson::id).containsExactly("second-lesson");
  }

  @Test
  void reportsEveryProblemInAFileAtOnce() {
    Fixtures.copyValid(root);
    edit(root, LESSON, "track: from-python", "track: nowhere\ncolour: red");
    edit(root, LESSON, "from: python", "from: cobol");

    assertThat(CourseLoader.load(root).problems())
        .extracting(Problem::toString)
        .contains(
            "first-lesson/lesson.md:4: unknown track 'nowhere' (course.yaml has: from-python, in-depth)",
            "first-lesson/lesson.md:5: unknown field 'colour' (allowed: examples, from, order, summary, title, to, track)",
            "first-lesson/lesson.md:7: unknown language 'cobol' (one of: python, csharp, javascript, java)");
  }
}

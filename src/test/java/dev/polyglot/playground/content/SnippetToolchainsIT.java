package dev.polyglot.playground.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyglot.playground.run.worker.DemoApi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Python and JavaScript of every bundled lesson, checked by their own toolchains: each file
 * must compile ({@code python3 -m py_compile}, {@code node --check}), and each one that needs
 * nothing beyond its standard library is run and must print what its lesson records. HTTP examples
 * talk to the same demo API the Java sandbox has. {@code target/snippet-checks.md} lists how each
 * file was verified.
 */
class SnippetToolchainsIT {
  static final Path SNIPPETS = Path.of("snippets");

  /** Third-party packages that are not installed here: files importing them are compiled only. */
  static final Pattern PYTHON_PACKAGES =
      Pattern.compile("(?m)^\\s*(?:import|from)\\s+(aiohttp|aiofiles|aiosqlite|requests)\\b");

  static final Map<String, String> REPORT = new ConcurrentHashMap<>();
  static Path pycache;

  @BeforeAll
  static void start() throws IOException {
    pycache = Files.createTempDirectory("pycache");
    DemoApi.start();
  }

  @AfterAll
  static void report() throws IOException {
    DemoApi.stop();
    // Java and C# are checked by their own tests in the same build; they are listed here too so
    // that one report covers every file.
    CourseLoader.load(SNIPPETS)
        .course()
        .lessons()
        .forEach(l ->
            l.examples()
                .forEach(e ->
                    e.variants()
                        .forEach(v -> {
                          String path = l.id() + "/" + e.id() + "/" + v.file();
                          switch (v.language()) {
                            case JAVA ->
                                REPORT.put(
                                    path,
                                    "compiled and ran in the sandbox; output and time match the recording (BundledVariantsIT)");
                            case CSHARP ->
                                REPORT.put(
                                    path,
                                    "parsed with the tree-sitter C# grammar, awaits checked (CSharpSyntaxTest); no .NET here to run it");
                            default -> {}
                          }
                        })));
    var lines = new ArrayList<String>();
    lines.add("# How each snippet was verified\n");
    lines.add("| file | check |");
    lines.add("|---|---|");
    REPORT.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> lines.add("| " + e.getKey() + " | " + e.getValue() + " |"));
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target", "snippet-checks.md"), lines);
    System.out.printf(
        "snippet checks: %d files listed in target/snippet-checks.md%n", REPORT.size());
  }

  static Stream<Arguments> sources() {
    return CourseLoader.load(SNIPPETS).course().lessons().stream()
        .flatMap(l ->
            l.examples().stream()
                .flatMap(e ->
                    e.variants().stream()
                        .filter(v ->
                            v.language() == Language.PYTHON || v.language() == Language.JAVASCRIPT)
                        .map(v -> Arguments.of(l.id() + "/" + e.id() + "/" + v.file(), v))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sources")
  void compilesAndPrintsWhatTheLessonSays(String path, Variant variant) throws Exception {
    Path file = SNIPPETS.resolve(path);
    boolean python = variant.language() == Language.PYTHON;
    Result check =
        python
            ? exec(
                List.of("python3", "-m", "py_compile", file.toString()),
                Map.of("PYTHONPYCACHEPREFIX", pycache.toString()))
            : exec(List.of("node", "--check", file.toString()), Map.of());
    assertThat(check.code()).as("%s does not compile:%n%s", path, check.output()).isZero();

    if (python && PYTHON_PACKAGES.matcher(variant.code()).find()) {
      REPORT.put(path, "compiled (`py_compile`); needs a package that is not installed here");
      return;
    }
    Result run =
        python
            ? exec(
                List.of("python3", file.toString()),
                Map.of("PYTHONPYCACHEPREFIX", pycache.toString(), "PYTHONWARNINGS", "ignore"))
            : exec(List.of("node", file.toString()), Map.of());
    assertThat(variant.expectedOutput()).as("%s records its output", path).isPresent();
    String expected = variant.expectedOutput().orElseThrow().stripTrailing();
    assertThat(PrintedOutput.aligned(run.stdout().stripTrailing(), expected))
        .as("what %s prints", path)
        .isEqualTo(expected);
    REPORT.put(path, "ran " + (python ? "`python3`" : "`node`") + ", output matches the recording");
  }

  record Result(int code, String stdout, String output) {}

  private static Result exec(List<String> command, Map<String, String> env) throws Exception {
    var builder = new ProcessBuilder(command).redirectErrorStream(false);
    builder.environment().putAll(env);
    Process p = builder.start();
    var stdout = p.getInputStream().readAllBytes();
    var stderr = p.getErrorStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(command + " took longer than a minute");
    }
    String out = new String(stdout, StandardCharsets.UTF_8);
    return new Result(p.exitValue(), out, out + new String(stderr, StandardCharsets.UTF_8));
  }
}

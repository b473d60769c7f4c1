package dev.polyglot.playground.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TreeSitterCSharp;

/**
 * The lessons' C#, parsed with the tree-sitter C# grammar (there is no .NET SDK here): no ERROR or
 * MISSING node anywhere, and every {@code await} inside an {@code async} method, local function or
 * lambda, or in top-level statements.
 */
class CSharpSyntaxTest {
  /** Where an await may sit, if the function is marked async. */
  private static final Set<String> FUNCTIONS =
      Set.of(
          "method_declaration",
          "local_function_statement",
          "lambda_expression",
          "anonymous_method_expression",
          "constructor_declaration",
          "accessor_declaration",
          "operator_declaration",
          "conversion_operator_declaration");

  static Stream<Arguments> csharp() {
    return CourseLoader.load(Path.of("snippets")).course().lessons().stream()
        .flatMap(l ->
            l.examples().stream()
                .flatMap(e ->
                    e.variants(Language.CSHARP).stream()
                        .map(v -> Arguments.of(l.id() + "/" + e.id() + "/" + v.file(), v.code()))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("csharp")
  void parsesCleanlyAndAwaitsOnlyWhereItMay(String path, String code) {
    assertThat(problems(code)).as("%s", path).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void theCheckCatchesWhatItShould() {
    assertThat(problems("void F() { await Task.Delay(1); }"))
        .containsExactly("line 1: await outside an async method or top-level statements");
    assertThat(problems("async Task F() { await Task.Delay(1); }\nawait F();")).isEmpty();
    assertThat(problems("var f = async () => await Task.Delay(1);\nawait f();")).isEmpty();
    assertThat(problems("class A { void M() { int x = ; } }")).isNotEmpty();
    assertThat(problems("Console.WriteLine(\"a\"")).isNotEmpty();
  }

  private static List<String> problems(String code) {
    var parser = new TSParser();
    parser.setLanguage(new TreeSitterCSharp());
    List<String> problems = new ArrayList<>();
    walk(
        parser.parseString(null, code).getRootNode(),
        code.getBytes(StandardCharsets.UTF_8),
        problems);
    return problems;
  }

  private static void walk(TSNode node, byte[] source, List<String> problems) {
    String where = "line " + (node.getStartPoint().getRow() + 1);
    if (node.isError()) {
      problems.add(where + ": syntax error");
    } else if (node.isMissing()) {
      problems.add(where + ": missing " + node.getType());
    } else if (node.getType().equals("await") && !awaitAllowed(node, source)) {
      problems.add(where + ": await outside an async method or top-level statements");
    }
    for (int i = 0; i < node.getChildCount(); i++) {
      walk(node.getChild(i), source, problems);
    }
  }

  /**
   * The nearest enclosing function must be async; with none, the await is a top-level statement.
   */
  private static boolean awaitAllowed(TSNode await, byte[] source) {
    for (TSNode n = await.getParent(); n != null && !n.isNull(); n = n.getParent()) {
      if (FUNCTIONS.contains(n.getType())) {
        return isAsync(n, source);
      }
      if (n.getType().equals("global_statement")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isAsync(TSNode function, byte[] source) {
    for (int i = 0; i < function.getChildCount(); i++) {
      TSNode child = function.getChild(i);
      String text =
          new String(
              source,
              child.getStartByte(),
              child.getEndByte() - child.getStartByte(),
              StandardCharsets.UTF_8);
      if (child.getType().equals("async")
          || (child.getType().equals("modifier") && text.equals("async"))) {
        return true;
      }
    }
    return false;
  }
}

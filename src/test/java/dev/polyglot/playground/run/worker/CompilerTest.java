package dev.polyglot.playground.run.worker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** javac in memory, through the pooled contexts the workers and the server use. */
class CompilerTest {
  static final String CLASS_PATH = System.getProperty("java.class.path");

  @Test
  void javacsContextPoolIsReachable() {
    // The test JVM gets the same --add-exports as the workers and the jar's manifest.
    assertThat(ContextPool.create()).isPresent();
  }

  /** Several servers in one JVM (as in the tests) compile against class paths of their own. */
  @Test
  void classPathsTakingTurnsEachKeepTheirOwnOutput() {
    String other = CLASS_PATH + java.io.File.pathSeparator + System.getProperty("java.io.tmpdir");
    for (int i = 0; i < 3; i++) {
      for (String classPath : new String[] {CLASS_PATH, other}) {
        var result = Compiler.compile("Main", "void main() { IO.println(" + i + "); }", classPath);
        assertThat(result.classes()).containsOnlyKeys("Main");
      }
    }
  }

  @Test
  void eachCompileInAReusedContextGetsItsOwnClassesAndMessages() {
    for (int i = 0; i < 4; i++) {
      var ok = Compiler.compile("Main", "void main() { IO.println(" + i + "); }", CLASS_PATH);
      assertThat(ok.ok()).isTrue();
      assertThat(ok.mainClass()).isEqualTo("Main");
      assertThat(ok.classes()).containsOnlyKeys("Main");

      var classic =
          Compiler.compile(
              "Other" + i, "public class Other" + i + " { static class In {} }", CLASS_PATH);
      assertThat(classic.classes()).containsOnlyKeys("Other" + i, "Other" + i + "$In");

      var broken = Compiler.compile("Main", "void main() {\n  int x = \"s\";\n}\n", CLASS_PATH);
      assertThat(broken.ok()).isFalse();
      assertThat(broken.classes()).isEmpty();
      assertThat(broken.messages())
          .singleElement()
          .satisfies(m -> {
            assertThat(m.line()).isEqualTo(2);
            assertThat(m.text()).contains("incompatible types");
          });
    }
  }
}

package dev.polyglot.playground.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordsTest {
  @Test
  void proseIsLowerCaseWordsOfLettersAndDigits() {
    assertThat(Words.of("Run MANY, wait for all: asyncio.gather()"))
        .containsExactly("run", "many", "wait", "for", "all", "asyncio", "gather");
  }

  @Test
  void identifiersAreWrittenOnceInOrder() {
    assertThat(Words.identifiers("await Task.WhenAll(a, b); Task.WhenAll(c);"))
        .containsExactly("await", "Task", "WhenAll", "a", "b", "c");
  }

  @Test
  void anIdentifierIsItselfAndItsCamelAndSnakeParts() {
    assertThat(Words.ofIdentifier("WhenAll")).containsExactly("whenall", "when", "all");
    assertThat(Words.ofIdentifier("to_thread")).containsExactly("to_thread", "to", "thread");
    assertThat(Words.ofIdentifier("gather")).containsExactly("gather");
    assertThat(Words.ofIdentifier("newVirtualThreadPerTaskExecutor"))
        .contains("newvirtualthreadpertaskexecutor", "virtual", "executor");
  }

  @Test
  void markdownBecomesTheTextAReaderSees() {
    assertThat(
            Words.plain(
                "See [the **docs**](https://x.y/z) and `gather`.\n\n```py\ncode\n```\n# End"))
        .isEqualTo("See the docs and gather. End");
    assertThat(Words.plain("_Offload_ with `asyncio.to_thread`, __not__ a loop."))
        .isEqualTo("Offload with asyncio.to_thread, not a loop.");
  }
}

package dev.polyglot.playground;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The server's AOT training run answers every page, each asset and a WebSocket. */
class ServerTrainingTest {
  @Test
  void servesEverythingOnceAndStops() throws Exception {
    assertThat(ServerTraining.run(List.of("--snippets", Fixtures.VALID.toString()))).isZero();
  }
}

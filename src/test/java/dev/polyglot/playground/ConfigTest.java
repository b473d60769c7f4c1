package dev.polyglot.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyglot.playground.run.Limits;
import dev.polyglot.playground.web.ClientLimits;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigTest {
  @Test
  void defaultsServeTheBundledLessonsOn8080() {
    Config config = Config.parse(List.of(), Map.of());
    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.host()).isEqualTo("0.0.0.0");
    assertThat(config.basePath()).isEmpty();
    assertThat(config.snippetsDir()).isEmpty();
    assertThat(config.dev()).isFalse();
    assertThat(config.logLevel()).isEqualTo(Level.INFO);
  }

  @Test
  void environmentIsReadAndFlagsWin() {
    var env =
        Map.of(
            "PORT",
            "9000",
            "HOST",
            "127.0.0.1",
            "SNIPPETS_DIR",
            "/srv/lessons",
            "BASE_PATH",
            "/course",
            "LOG_LEVEL",
            "debug",
            "DEV",
            "true");
    Config fromEnv = Config.parse(List.of(), env);
    assertThat(fromEnv.port()).isEqualTo(9000);
    assertThat(fromEnv.host()).isEqualTo("127.0.0.1");
    assertThat(fromEnv.snippetsDir()).contains(Path.of("/srv/lessons"));
    assertThat(fromEnv.basePath()).isEqualTo("/course");
    assertThat(fromEnv.logLevel()).isEqualTo(Level.FINE);
    assertThat(fromEnv.dev()).isTrue();

    Config flags =
        Config.parse(
            List.of("--port", "7000", "--base-path", "docs/async/", "--log-level", "warn"), env);
    assertThat(flags.port()).isEqualTo(7000);
    assertThat(flags.basePath()).isEqualTo("/docs/async");
    assertThat(flags.logLevel()).isEqualTo(Level.WARNING);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--port|abc|port must be a number",
        "--port|70000|port must be a number",
        "--log-level|loud|log level must be",
        "--base-path|/a b|base path must look like",
        "--base-path|/../etc|base path must look like",
        "--colour|red|unknown option '--colour'",
        "--allowed-origins|docs.example.org|an allowed origin looks like",
        "--allowed-origins|https://example.org/docs|an allowed origin looks like",
        "--run-memory|100|must leave a JVM room beside its heap",
        "--idle-timeout|10|at least 30",
      })
  void badSettingsAreRefusedWithAClearMessage(String flag, String value, String message) {
    assertThatThrownBy(() -> Config.parse(List.of(flag, value), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  void allowedOriginsAreReadAsBrowsersSendThem() {
    Config config =
        Config.parse(
            List.of(),
            Map.of("ALLOWED_ORIGINS", " https://Docs.Example.org/ , http://localhost:3000,, *"));
    assertThat(config.allowedOrigins())
        .containsExactly("https://docs.example.org", "http://localhost:3000", "*");
    assertThat(Config.defaults().allowedOrigins()).isEmpty();
  }

  @Test
  void runSettingsAndLimitsAreReadLikeEveryOtherSetting() {
    Config config =
        Config.parse(
            List.of("--pool", "3", "--run-timeout", "4", "--max-source", "2"),
            Map.of("SHUTDOWN_GRACE", "25", "MAX_RUNS", "6", "RUN_HEAP_MB", "96", "POOL_SIZE", "1"));
    assertThat(config.shutdownGrace()).isEqualTo(java.time.Duration.ofSeconds(25));
    assertThat(config.admission().maxRuns()).isEqualTo(6);
    assertThat(config.poolCount()).as("the flag wins").isEqualTo(3);
    assertThat(config.limits().heapMb()).isEqualTo(96);
    assertThat(config.limits().wallTime()).isEqualTo(java.time.Duration.ofSeconds(4));
    assertThat(config.limits().sourceBytes()).isEqualTo(2048);
    assertThat(config.limits().cpuSeconds()).isEqualTo(Limits.DEFAULTS.cpuSeconds());
    assertThat(Config.defaults().shutdownGrace()).isEqualTo(java.time.Duration.ofSeconds(10));
    assertThat(config.limits().memoryBytes()).as("heap + native").isEqualTo((96 + 192) << 20);
    assertThat(Config.defaults().connections().maxPerAddress()).isEqualTo(512);
    assertThat(Config.defaults().connections().headerTimeout())
        .isEqualTo(java.time.Duration.ofSeconds(10));
    int cores = Runtime.getRuntime().availableProcessors();
    assertThat(Config.defaults().poolCount()).isEqualTo(cores);
    assertThat(Config.defaults().poolMaxCount()).isEqualTo(4 * cores);
    assertThat(Config.defaults().admission().maxRuns()).as("no ceiling: resources").isZero();
    assertThat(Config.defaults().admission().runBytes()).isEqualTo((128 + 192) << 20);
    assertThat(Config.defaults().clientLimits()).isEqualTo(ClientLimits.DEFAULTS);
  }

  @Test
  void aFlagWithoutItsValueIsRefused() {
    assertThatThrownBy(() -> Config.parse(List.of("--port"), Map.of()))
        .hasMessage("--port needs a value");
  }

  @ParameterizedTest
  @CsvSource(
      value = {"''|''", "/|''", "course|/course", "/course/|/course", "/a/b|/a/b"},
      delimiter = '|')
  void basePathsAreNormalized(String raw, String normalized) {
    assertThat(Config.normalizeBasePath(raw)).isEqualTo(normalized);
  }
}

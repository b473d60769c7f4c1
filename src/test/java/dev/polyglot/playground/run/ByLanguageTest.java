package dev.polyglot.playground.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyglot.playground.Poll;
import dev.polyglot.playground.content.Language;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Requests reach their language's runner, and status shows every runtime beside Java's. */
class ByLanguageTest {
  final Vertx vertx = Vertx.vertx();
  final FakeRunner jvm = new FakeRunner(vertx, r -> FakeRunner.lines(r, 1, 1));
  final FakeRunner python = new FakeRunner(vertx, r -> FakeRunner.lines(r, 1, 1));
  final AtomicBoolean closed = new AtomicBoolean();
  final ByLanguage runners =
      new ByLanguage(
          Map.of(Language.JAVA, jvm, Language.PYTHON, python),
          Map.of(Language.JAVA, "Java 25"),
          () -> closed.set(true));

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  RunRequest request(Language language) {
    return new RunRequest("l/e/v", "code", true, language);
  }

  @Test
  void eachRequestGoesToItsLanguagesRunner() {
    vertx.runOnContext(v -> {
      runners.start(request(Language.PYTHON), e -> {});
      runners.start(request(Language.JAVA), e -> {});
    });
    Poll.until(
        "both started",
        java.time.Duration.ofSeconds(5),
        () -> python.startedCount() == 1 && jvm.startedCount() == 1);
    assertThat(python.requests().getFirst().language()).isEqualTo(Language.PYTHON);
    assertThat(jvm.requests().getFirst().language()).isEqualTo(Language.JAVA);
  }

  @Test
  void aLanguageWithoutARunnerEndsAtOnceAsUnavailable() {
    List<RunEvent> events = new CopyOnWriteArrayList<>();
    Run run = runners.start(request(Language.JAVASCRIPT), events::add);
    assertThat(events).hasSize(1);
    assertThat(events.getFirst()).isInstanceOf(RunEvent.Error.class);
    assertThat(((RunEvent.Error) events.getFirst()).reason())
        .isEqualTo(RunEvent.Error.Reason.UNAVAILABLE);
    assertThat(((RunEvent.Error) events.getFirst()).message()).contains("JavaScript");
    assertThat(run.finished()).isTrue();
  }

  @Test
  void statusListsEveryRuntimeWithItsVersion() {
    JsonObject status = runners.status();
    JsonObject runtimes = status.getJsonObject("runtimes");
    assertThat(runtimes.fieldNames()).containsExactlyInAnyOrder("java", "python");
    assertThat(runtimes.getJsonObject("java").getString("state")).isEqualTo("ready");
    assertThat(runtimes.getJsonObject("java").getString("version")).isEqualTo("Java 25");
  }

  @Test
  void closingClosesEveryRunnerAndThenTheRest() {
    runners.close().await();
    assertThat(closed).isTrue();
  }
}

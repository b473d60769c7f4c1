package dev.polyglot.playground.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyglot.playground.content.Language;
import dev.polyglot.playground.run.Limits;
import dev.polyglot.playground.run.RunEvent;
import dev.polyglot.playground.run.RunRequest;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The protocol between nodes: every message and every run event survives its codec. */
class BusTest {
  static final List<RunEvent> EVERY_EVENT =
      List.of(
          new RunEvent.Queued(3),
          new RunEvent.Compiling(),
          new RunEvent.Diagnostic("error", 4, 9, "';' expected"),
          new RunEvent.Started(),
          new RunEvent.Output(RunEvent.Output.Stream.STDOUT, "héllo \"world\"\t", 12.5, "main"),
          new RunEvent.Output(RunEvent.Output.Stream.STDERR, "", 0, "task-1"),
          new RunEvent.SpanStart("download", "virtual-21", 1.25),
          new RunEvent.SpanEnd("download", "virtual-21", 1.25, 1003.5),
          new RunEvent.Running("wait #2", 0.25, 1001.5),
          new RunEvent.At("wait #2", 0.25, 7),
          new RunEvent.Limit(Limits.Kind.OUTPUT, "Too much output."),
          new RunEvent.Checked(
              false,
              List.of(
                  new RunEvent.Checked.Result("output", "Prints exactly \"a\"", true, "ok"),
                  new RunEvent.Checked.Result(
                      "wall-under", "Finishes in under 1 s", false, "took 2.01 s"))),
          new RunEvent.Exit(0, 1004.2, 88.0),
          new RunEvent.Error(RunEvent.Error.Reason.WORKER_LOST, "gone"));

  static final List<Bus.Message> EVERY_MESSAGE =
      List.of(
          new Bus.Offer("web1", "web1-7", RunRequest.edited("l/e/v (edited)", "void main() {}")),
          new Bus.Offer("web1", "web1-8", RunRequest.bundled("l/e/v", "class A {}")),
          new Bus.Offer(
              "web1",
              "web1-9",
              new RunRequest("l/e/main", "print(\"hi\")", false, Language.PYTHON)),
          new Bus.Cancel("web1", "web1-7", RunEvent.Error.Reason.SHUTTING_DOWN),
          new Bus.Event("web1-7", 42, new RunEvent.Started()),
          new Bus.ExecutorBeat("ex1", 70, 68, 2, 0),
          new Bus.WebBeat("web1"));

  @Test
  void everyMessageRoundTrips() {
    for (Bus.Message message : EVERY_MESSAGE) {
      JsonObject wire = new JsonObject(Bus.encode(message).encode());
      assertThat(Bus.decode(wire)).isEqualTo(message);
    }
  }

  @Test
  void everyRunEventRoundTripsInsideAnEventMessage() {
    for (RunEvent event : EVERY_EVENT) {
      var message = new Bus.Event("r", 5, event);
      assertThat(Bus.decode(new JsonObject(Bus.encode(message).encode()))).isEqualTo(message);
      assertThat(RunEvent.fromJson(event.toJson("r", 5))).isEqualTo(event);
    }
  }

  @Test
  void theListsCoverEveryTypeThereIs() {
    assertThat(EVERY_MESSAGE.stream().<Class<?>>map(Object::getClass).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(Bus.Message.class.getPermittedSubclasses());
    assertThat(EVERY_EVENT.stream().<Class<?>>map(Object::getClass).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(RunEvent.class.getPermittedSubclasses());
    assertThat(EVERY_EVENT.stream().map(RunEvent::type).collect(Collectors.toSet()))
        .as("both streams")
        .contains("stdout", "stderr");
    assertThat(Arrays.stream(RunEvent.Error.Reason.values()).map(RunEvent.Error.Reason::wireName))
        .allSatisfy(name -> assertThat(RunEvent.Error.Reason.of(name).wireName()).isEqualTo(name));
  }

  @Test
  void junkIsRefusedNotGuessedAt() {
    for (String junk :
        List.of(
            "{}",
            "{\"type\":\"offer\",\"web\":\"w\"}",
            "{\"type\":\"nope\"}",
            "{\"type\":\"executor\",\"id\":\"x\",\"room\":\"many\"}",
            "{\"type\":\"stdout\",\"event\":\"stderr\",\"id\":\"r\",\"seq\":1,\"text\":\"x\"}",
            "{\"type\":\"limit\",\"event\":\"limit\",\"id\":\"r\",\"seq\":1,\"kind\":\"disk\"}")) {
      assertThatThrownBy(() -> Bus.decode(new JsonObject(junk)))
          .as(junk)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}

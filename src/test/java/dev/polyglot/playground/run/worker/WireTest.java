package dev.polyglot.playground.run.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The server-child protocol: every message survives the codec, and junk is refused. */
class WireTest {
  static Stream<Wire.Message> everyMessage() {
    var classes = new LinkedHashMap<String, byte[]>();
    classes.put("Main", new byte[] {(byte) 0xca, (byte) 0xfe, 0, 1});
    classes.put("Main$1", new byte[] {});
    return Stream.of(
        new Wire.Load(classes, "Main"),
        new Wire.Compile("Main", "void main() {\n\tIO.println(\"é \\\\ 🙂\");\n}\n"),
        new Wire.Script("main.py", "import asyncio\n\nprint(\"é \\\\ 🙂\")\n"),
        new Wire.Ready(),
        new Wire.Compiling(),
        new Wire.Diagnostic(new Compiler.Message("warning", 3, 14, "unchecked \"cast\"")),
        new Wire.CompileFailed(),
        new Wire.ClassFile("a.B", new byte[] {1, 2, 3, (byte) 255}),
        new Wire.Compiled("Main"),
        new Wire.Compiled(null),
        new Wire.Started(),
        new Wire.Output(false, "<script>alert(1)</script>", 12.34, "virtual-21"),
        new Wire.Output(true, "\u0000\u001f line", 0.0, ""),
        new Wire.SpanStart("fetch user 1", "main", 1.5),
        new Wire.SpanEnd("fetch user 1", "main", 1.5, 1003.25),
        new Wire.Running("wait #2", 0.25, 1001.5),
        new Wire.At("download #3", 12.5, 42),
        new Wire.Limit("threads", "The program started more threads than it may."),
        new Wire.Finished(1000.5, 37.0),
        new Wire.Crashed("java.lang.LinkageError"));
  }

  @Test
  void everyTypeOfMessageIsInTheTable() {
    List<Class<?>> covered = everyMessage().<Class<?>>map(Object::getClass).distinct().toList();
    var declared =
        Stream.concat(
                List.of(Wire.Job.class.getPermittedSubclasses()).stream(),
                List.of(Wire.Event.class.getPermittedSubclasses()).stream())
            .toList();
    assertThat(covered).containsExactlyInAnyOrderElementsOf(declared);
  }

  @ParameterizedTest
  @MethodSource("everyMessage")
  void roundTrips(Wire.Message message) throws Exception {
    String line = Wire.encode(123_456_789_012L, message);
    assertThat(line).doesNotContain("\n").startsWith("{\"job\":123456789012,\"type\":");
    var read = Wire.decode(line);
    assertThat(read.job()).isEqualTo(123_456_789_012L);
    assertThat(normalized(read.message())).isEqualTo(normalized(message));
  }

  /** Records holding byte arrays compare by identity; compare their contents instead. */
  private static Object normalized(Wire.Message m) {
    return switch (m) {
      case Wire.Load(var classes, var main) -> {
        var contents = new LinkedHashMap<String, List<Byte>>();
        classes.forEach((k, v) -> contents.put(k, bytes(v)));
        yield List.of("load", main, contents);
      }
      case Wire.ClassFile(var name, var b) -> List.of("class", name, bytes(b));
      default -> m;
    };
  }

  private static List<Byte> bytes(byte[] b) {
    var list = new java.util.ArrayList<Byte>();
    for (byte x : b) list.add(x);
    return list;
  }

  @Test
  void textThatIsNotValidUnicodeIsStillOneValidLine() throws Exception {
    String lone = "a\ud800b";
    var read = Wire.decode(Wire.encode(1, new Wire.Output(false, lone, 0, "main")));
    assertThat(((Wire.Output) read.message()).text()).isEqualTo("a\ufffdb");
  }

  @Test
  void aDiagnosticFromAnUntrustedLineIsKeptInRange() throws Exception {
    var read =
        Wire.decode(
            "{\"job\":1,\"type\":\"diagnostic\",\"severity\":\"fatal\",\"line\":-4,\"column\":0,"
                + "\"message\":\"m\"}");
    assertThat(read.message())
        .isEqualTo(new Wire.Diagnostic(new Compiler.Message("error", 1, 1, "m")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "hello",
        "{}",
        "[1,2]",
        "{\"type\":\"started\"}",
        "{\"job\":1}",
        "{\"job\":\"1\",\"type\":\"started\"}",
        "{\"job\":1,\"type\":\"teleport\"}",
        "{\"job\":1,\"type\":\"stdout\",\"text\":\"x\",\"t\":\"soon\",\"thread\":\"main\"}",
        "{\"job\":1,\"type\":\"stdout\",\"text\":\"x\",\"t\":1,\"thread\":\"main\"} trailing",
        "{\"job\":1,\"type\":\"class\",\"name\":\"A\",\"bytes\":\"***\"}",
        "{\"job\":1,\"type\":\"load\",\"main\":\"A\",\"classes\":{\"A\":{\"b\":{\"c\":{\"d\":{\"e\":{}}}}}}}",
        "{\"job\":1,\"type\":\"crashed\",\"message\":\"unterminated}",
        "{\"job\":1,\"type\":\"crashed\",\"message\":\"bad \\q escape\"}",
        "{\"job\":1e400x,\"type\":\"started\"}"
      })
  void linesThatAreNotMessagesAreRefused(String line) {
    assertThatThrownBy(() -> Wire.decode(line)).isInstanceOf(Wire.MalformedException.class);
  }

  @Test
  void fieldsItDoesNotKnowAreIgnored() throws Exception {
    var read = Wire.decode("{\"job\":2,\"type\":\"started\",\"extra\":{\"x\":null,\"y\":true}}");
    assertThat(read).isEqualTo(new Wire.Envelope(2, new Wire.Started()));
  }

  @Test
  void aLargeSourceWithManyEscapesRoundTrips() throws Exception {
    String source = "IO.println(\"line\\t\\\\\");\n".repeat(3000);
    var read = Wire.decode(Wire.encode(9, new Wire.Compile("Main", source)));
    assertThat(read.message()).isEqualTo(new Wire.Compile("Main", source));
  }

  @Test
  void escapesAreDecoded() throws Exception {
    var read =
        Wire.decode(
            "{\"job\":1,\"type\":\"crashed\",\"message\":\"\\u00e9\\n\\t\\\"\\/\\\\\\b\\f\\r\"}");
    assertThat(read.message()).isEqualTo(new Wire.Crashed("é\n\t\"/\\\b\f\r"));
  }

  @Test
  void nothingBeyondTheProtocolIsEncoded() {
    assertThatThrownBy(() -> Json.write(new StringBuilder(), Map.of("x", List.of(new Object()))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void arraysOfTheDemoApisDataRoundTrip() throws Exception {
    String text = "{\"users\":[{\"id\":1,\"name\":\"Ada\"},{\"id\":2,\"name\":\"Alan\"}],\"t\":[]}";
    var parsed = Json.parse(text);
    assertThat(parsed.get("users")).isInstanceOf(java.util.List.class);
    var out = new StringBuilder();
    Json.write(out, parsed);
    assertThat(out.toString()).isEqualTo(text);
  }
}

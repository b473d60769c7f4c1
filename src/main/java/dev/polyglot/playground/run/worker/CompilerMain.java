package dev.polyglot.playground.run.worker;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The compile service's entry point: one long-lived JVM in the sandbox that compiles edited code
 * for run after run, so a reader's compile finds javac warm even when no warm worker is left. It
 * never loads or runs what it compiles: javac runs with annotation processing off, so nothing of a
 * reader's code executes here. Started as {@code CompilerMain <warm-up compiles>}.
 *
 * <pre>
 *   stdin:  compile &lt;id&gt; &lt;FileClass&gt; &lt;base64 source&gt;
 *   stdout: {"type":"ready"}, then per compile, in order:
 *           {"type":"diagnostic","id":..,"severity":..,"line":..,"column":..,"message":..}*
 *           {"type":"class","id":..,"name":..,"bytes":"&lt;base64&gt;"}*
 *           {"type":"compiled","id":..,"main":"&lt;class to launch, or empty&gt;"}
 * </pre>
 *
 * Exit codes: 0 when stdin closes, 3 when javac ran out of memory (the server starts a new one).
 */
public final class CompilerMain {
  private CompilerMain() {}

  public static void main(String[] args) throws Exception {
    var protocol = new Protocol(new FileOutputStream(FileDescriptor.out));
    int warmups = Integer.parseInt(args[0]);
    String classPath = System.getProperty("java.class.path");
    Warmup.javac(warmups, classPath);
    protocol.send("ready");
    var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String[] parts = line.split(" ", 4);
      if (parts.length != 4 || !parts[0].equals("compile")) {
        throw new IllegalArgumentException("unknown request: " + parts[0]);
      }
      long id = Long.parseLong(parts[1]);
      String source = new String(Base64.getDecoder().decode(parts[3]), StandardCharsets.UTF_8);
      Compiler.Result result;
      try {
        result = Compiler.compile(parts[2], source, classPath);
      } catch (OutOfMemoryError e) {
        // javac's state may be half-built; a fresh process is the safe way on.
        Runtime.getRuntime().halt(3);
        return;
      }
      for (var m : result.messages()) {
        protocol.diagnostic(m, "id", id);
      }
      result
          .classes()
          .forEach((name, bytes) ->
              protocol.send(
                  "class",
                  "id",
                  id,
                  "name",
                  name,
                  "bytes",
                  Base64.getEncoder().encodeToString(bytes)));
      protocol.send("compiled", "id", id, "main", result.ok() ? result.mainClass() : "");
    }
  }
}

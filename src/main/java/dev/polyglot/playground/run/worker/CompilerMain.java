package dev.polyglot.playground.run.worker;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The compile service's entry point: one long-lived JVM in the sandbox that compiles edited code
 * for run after run, so a reader's compile finds javac warm even when no warm worker is left. It
 * never loads or runs what it compiles: javac runs with annotation processing off, so nothing of a
 * reader's code executes here. Started as {@code CompilerMain <warm-up compiles>}.
 *
 * <pre>
 *   stdout: ready
 *   stdin:  compile (job n)  ─►  stdout: diagnostic* (job n), class* (job n), compiled (job n)
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
    protocol.send(new Wire.Ready());
    var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      Wire.Envelope job = Wire.decode(line);
      if (!(job.message() instanceof Wire.Compile(var fileClassName, var source))) {
        throw new IllegalArgumentException("not a compile job: " + job.message());
      }
      protocol.job(job.job());
      Compiler.Result result;
      try {
        result = Compiler.compile(fileClassName, source, classPath);
      } catch (OutOfMemoryError e) {
        // javac's state may be half-built; a fresh process is the safe way on.
        Runtime.getRuntime().halt(3);
        return;
      }
      result.messages().forEach(m -> protocol.send(new Wire.Diagnostic(m)));
      result.classes().forEach((name, bytes) -> protocol.send(new Wire.ClassFile(name, bytes)));
      protocol.send(new Wire.Compiled(result.ok() ? result.mainClass() : null));
    }
  }
}

package dev.polyglot.playground.run.worker;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes {@link Wire} events, one line each, to the child's real stdout, stamped with the job they
 * belong to. Writes are serialized and flushed at once: the server streams them on to the browser
 * as they arrive.
 */
final class Protocol {
  private final OutputStream out;
  private volatile long job;

  Protocol(OutputStream out) {
    this.out = out;
  }

  /** The job that later events answer. */
  void job(long id) {
    job = id;
  }

  synchronized void send(Wire.Event event) {
    byte[] line = (Wire.encode(job, event) + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      out.write(line);
      out.flush();
    } catch (IOException e) {
      // The server went away; nobody is left to tell.
      Runtime.getRuntime().halt(70);
    }
  }
}

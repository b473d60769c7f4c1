package dev.polyglot.playground.run.worker;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The program's System.out or System.err. Bytes are gathered per thread, so that lines printed at
 * once by two threads never mix, and each complete line becomes one event stamped with the moment
 * its newline was written. A line longer than {@link #MAX_LINE} bytes is sent in chunks.
 */
final class Capture extends OutputStream {
  static final int MAX_LINE = 8192;

  private final Protocol protocol;
  private final boolean stderr;
  private final Lanes lanes;
  private final SpanTracker spans;
  private final Map<Thread, ByteArrayOutputStream> pending = new ConcurrentHashMap<>();

  Capture(Protocol protocol, boolean stderr, Lanes lanes, SpanTracker spans) {
    this.protocol = protocol;
    this.stderr = stderr;
    this.lanes = lanes;
    this.spans = spans;
  }

  @Override
  public void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes, int off, int len) {
    Thread thread = Thread.currentThread();
    ByteArrayOutputStream line = pending.get(thread);
    if (line == null) {
      // Only this thread adds its own line: no race between the get and the put.
      line = new ByteArrayOutputStream();
      pending.put(thread, line);
    }
    int start = off;
    for (int i = off; i < off + len; i++) {
      if (bytes[i] == '\n') {
        line.write(bytes, start, i - start);
        emit(thread, line);
        start = i + 1;
      } else if (line.size() + (i - start) >= MAX_LINE) {
        line.write(bytes, start, i - start);
        emit(thread, line);
        start = i;
      }
    }
    line.write(bytes, start, off + len - start);
  }

  /** Sends what is left of every thread's unfinished line; called once the program is done. */
  void drain() {
    for (var e : pending.entrySet()) {
      if (e.getValue().size() > 0) {
        emit(e.getKey(), e.getValue());
      }
    }
  }

  private void emit(Thread thread, ByteArrayOutputStream line) {
    byte[] bytes = line.toByteArray();
    line.reset();
    int end = bytes.length;
    if (end > 0 && bytes[end - 1] == '\r') {
      end--;
    }
    double t = Clock.ms();
    String text = decode(bytes, end);
    if (thread == Thread.currentThread()) {
      spans.ran(thread, t); // a line written now was written by a running thread
    }
    protocol.send(new Wire.Output(stderr, text, t, lanes.label(thread)));
  }

  /** Invalid UTF-8 becomes U+FFFD rather than an exception or a broken event. */
  private static String decode(byte[] bytes, int length) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .decode(ByteBuffer.wrap(bytes, 0, length))
          .toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
  }
}

package dev.polyglot.playground.run.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads lines from a child's pipe without trusting it: a "line" longer than {@code max} bytes is
 * cut into pieces instead of growing the server's memory without bound.
 */
final class LineReader {
  private final InputStream in;
  private final int max;
  private final byte[] buffer = new byte[8192];
  private int pos;
  private int end;

  LineReader(InputStream in, int max) {
    this.in = in;
    this.max = max;
  }

  /** The next line without its newline, or null at the end of the stream. */
  String next() throws IOException {
    var line = new ByteArrayOutputStream(128);
    while (true) {
      if (pos == end) {
        end = in.read(buffer);
        pos = 0;
        if (end <= 0) {
          end = 0;
          return line.size() > 0 ? line.toString(StandardCharsets.UTF_8) : null;
        }
      }
      while (pos < end) {
        byte b = buffer[pos++];
        if (b == '\n') {
          return line.toString(StandardCharsets.UTF_8);
        }
        line.write(b);
        if (line.size() >= max) {
          return line.toString(StandardCharsets.UTF_8);
        }
      }
    }
  }
}

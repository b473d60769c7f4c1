package dev.polyglot.playground.run.worker;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes protocol events, one JSON object per line, to the worker's real stdout. Writes are
 * serialized and flushed at once: the server streams them on to the browser as they arrive.
 */
final class Protocol {
  private final OutputStream out;

  Protocol(OutputStream out) {
    this.out = out;
  }

  /** {@code fields} alternate names and values; values are String, Number or Boolean. */
  synchronized void send(String type, Object... fields) {
    var json = new StringBuilder(64).append("{\"type\":\"").append(type).append('"');
    for (int i = 0; i + 1 < fields.length; i += 2) {
      json.append(",\"").append(fields[i]).append("\":");
      Object value = fields[i + 1];
      if (value instanceof String s) {
        quote(json, s);
      } else {
        json.append(value);
      }
    }
    json.append("}\n");
    try {
      out.write(json.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      // The server went away; nobody is left to tell.
      Runtime.getRuntime().halt(70);
    }
  }

  /** A compiler message; {@code first} are fields that come before it, such as a request id. */
  void diagnostic(Compiler.Message m, Object... first) {
    Object[] message = {
      "severity", m.severity(), "line", m.line(), "column", m.column(), "message", m.text()
    };
    send(
        "diagnostic",
        java.util.stream.Stream.concat(
                java.util.Arrays.stream(first), java.util.Arrays.stream(message))
            .toArray());
  }

  static void quote(StringBuilder json, String s) {
    json.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20 || Character.isSurrogate(c) && !validSurrogate(s, i)) {
            json.append(String.format("\\u%04x", c < 0x20 ? (int) c : 0xfffd));
          } else {
            json.append(c);
          }
        }
      }
    }
    json.append('"');
  }

  /** Lone surrogates (from invalid input) would make the line invalid UTF-8; they become U+FFFD. */
  private static boolean validSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }
}

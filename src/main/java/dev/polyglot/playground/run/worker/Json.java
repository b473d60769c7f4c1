package dev.polyglot.playground.run.worker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The little JSON the wire protocol needs, with the JDK alone: objects whose values are strings,
 * numbers, booleans, null or objects again. Arrays are not part of the protocol and are refused.
 * The parser trusts nothing: a line from a child may be anything the reader's program printed.
 */
final class Json {
  private final String text;
  private int pos;

  private Json(String text) {
    this.text = text;
  }

  /** Thrown for anything that is not one protocol object. */
  static final class MalformedException extends Exception {
    MalformedException(String message) {
      super(message);
    }
  }

  static Map<String, Object> parse(String text) throws MalformedException {
    var json = new Json(text);
    json.space();
    Map<String, Object> object = json.object(0);
    json.space();
    if (json.pos != text.length()) {
      throw json.error("text after the object");
    }
    return object;
  }

  /** Appends {@code s} as a JSON string; lone surrogates (from invalid input) become U+FFFD. */
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
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else if (Character.isSurrogate(c) && !validSurrogate(s, i)) {
            json.append('\ufffd');
          } else {
            json.append(c);
          }
        }
      }
    }
    json.append('"');
  }

  /** Appends a value: String, Number, Boolean, null, or a Map or List of those. */
  static void write(StringBuilder json, Object value) {
    // Tests of type, not a pattern switch: see Wire.Message.
    if (value == null) {
      json.append("null");
    } else if (value instanceof String s) {
      quote(json, s);
    } else if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
      json.append('0');
    } else if (value instanceof Number || value instanceof Boolean) {
      json.append(value);
    } else if (value instanceof Map<?, ?> map) {
      json.append('{');
      boolean first = true;
      for (var e : map.entrySet()) {
        if (!first) {
          json.append(',');
        }
        first = false;
        quote(json, String.valueOf(e.getKey()));
        json.append(':');
        write(json, e.getValue());
      }
      json.append('}');
    } else if (value instanceof List<?> list) {
      json.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          json.append(',');
        }
        write(json, list.get(i));
      }
      json.append(']');
    } else {
      throw new IllegalArgumentException("not a protocol value: " + value.getClass());
    }
  }

  private static boolean validSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }

  // Nesting is bounded so that a hostile line cannot overflow the reader's stack.
  private static final int MAX_DEPTH = 4;

  private Map<String, Object> object(int depth) throws MalformedException {
    if (depth > MAX_DEPTH) {
      throw error("nested too deep");
    }
    expect('{');
    var object = new LinkedHashMap<String, Object>();
    space();
    if (peek() == '}') {
      pos++;
      return object;
    }
    while (true) {
      space();
      String key = string();
      space();
      expect(':');
      space();
      object.put(key, value(depth));
      space();
      char c = next();
      if (c == '}') {
        return object;
      }
      if (c != ',') {
        throw error("expected , or }");
      }
    }
  }

  /** Arrays appear in the demo API's data, not in protocol messages. */
  private List<Object> array(int depth) throws MalformedException {
    if (depth > MAX_DEPTH) {
      throw error("nested too deep");
    }
    expect('[');
    var array = new ArrayList<Object>();
    space();
    if (peek() == ']') {
      pos++;
      return array;
    }
    while (true) {
      space();
      array.add(value(depth));
      space();
      char c = next();
      if (c == ']') {
        return array;
      }
      if (c != ',') {
        throw error("expected , or ]");
      }
    }
  }

  private Object value(int depth) throws MalformedException {
    char c = peek();
    return switch (c) {
      case '"' -> string();
      case '{' -> object(depth + 1);
      case '[' -> array(depth + 1);
      case 't' -> literal("true", Boolean.TRUE);
      case 'f' -> literal("false", Boolean.FALSE);
      case 'n' -> literal("null", null);
      default -> {
        if (c == '-' || c >= '0' && c <= '9') {
          yield number();
        }
        throw error("unexpected " + c);
      }
    };
  }

  private Object literal(String word, Object value) throws MalformedException {
    if (!text.startsWith(word, pos)) {
      throw error("expected " + word);
    }
    pos += word.length();
    return value;
  }

  private Number number() throws MalformedException {
    int start = pos;
    while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
    String n = text.substring(start, pos);
    try {
      if (n.indexOf('.') < 0 && n.indexOf('e') < 0 && n.indexOf('E') < 0) {
        return Long.parseLong(n);
      }
      return Double.parseDouble(n);
    } catch (NumberFormatException e) {
      throw error("bad number " + n);
    }
  }

  private String string() throws MalformedException {
    expect('"');
    var s = new StringBuilder();
    // Plain runs up to the next quote or escape are copied at once: a job's class files are tens
    // of kilobytes of base64, read by a worker whose JIT has barely started. Each of the two
    // positions is searched for again only once it has been passed, so escapes stay linear.
    int quote = -1;
    int escape = -1;
    while (true) {
      if (quote < pos) {
        quote = text.indexOf('"', pos);
        quote = quote < 0 ? text.length() : quote;
      }
      if (escape < pos) {
        escape = text.indexOf('\\', pos);
        escape = escape < 0 ? text.length() : escape;
      }
      int plain = Math.min(quote, escape);
      s.append(text, pos, plain);
      pos = plain;
      char c = next();
      if (c == '"') {
        return s.toString();
      }
      char e = next();
      switch (e) {
        case '"', '\\', '/' -> s.append(e);
        case 'n' -> s.append('\n');
        case 'r' -> s.append('\r');
        case 't' -> s.append('\t');
        case 'b' -> s.append('\b');
        case 'f' -> s.append('\f');
        case 'u' -> {
          if (pos + 4 > text.length()) {
            throw error("short \\u escape");
          }
          try {
            s.append((char) Integer.parseInt(text, pos, pos + 4, 16));
          } catch (NumberFormatException x) {
            throw error("bad \\u escape");
          }
          pos += 4;
        }
        default -> throw error("bad escape \\" + e);
      }
    }
  }

  private void space() {
    while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
  }

  private char peek() throws MalformedException {
    if (pos >= text.length()) {
      throw error("unexpected end");
    }
    return text.charAt(pos);
  }

  private char next() throws MalformedException {
    char c = peek();
    pos++;
    return c;
  }

  private void expect(char c) throws MalformedException {
    if (next() != c) {
      throw error("expected " + c);
    }
  }

  private MalformedException error(String what) {
    return new MalformedException(what + " at " + pos);
  }
}

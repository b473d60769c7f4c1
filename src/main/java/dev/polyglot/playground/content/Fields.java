package dev.polyglot.playground.content;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Typed, validating access to the fields of one YAML mapping. Every getter reports what is wrong
 * (missing, wrong type, bad id) at the field's line and returns empty, so a reader can go on and
 * collect every problem in a file in one pass.
 */
final class Fields {
  static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

  private final String file;
  private final YamlDoc doc;
  private final String path;
  private final JsonNode node;
  private final List<Problem> problems;

  Fields(String file, YamlDoc doc, List<Problem> problems) {
    this(file, doc, "", doc.root(), problems);
  }

  private Fields(String file, YamlDoc doc, String path, JsonNode node, List<Problem> problems) {
    this.file = file;
    this.doc = doc;
    this.path = path;
    this.node = node;
    this.problems = problems;
  }

  String file() {
    return file;
  }

  int line(String key) {
    return doc.line(pathOf(key));
  }

  void problem(String key, String message) {
    problems.add(Problem.at(file, line(key), message));
  }

  /** Reports every field that is not in {@code allowed}. */
  void allowOnly(Set<String> allowed) {
    for (String name : (Iterable<String>) node::fieldNames) {
      if (!allowed.contains(name)) {
        problem(
            name,
            "unknown field '" + name + "' (allowed: " + String.join(", ", sorted(allowed)) + ")");
      }
    }
  }

  boolean has(String key) {
    return node.has(key);
  }

  Optional<String> text(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      problems.add(Problem.at(file, doc.line(path), "missing required field '" + key + "'"));
      return Optional.empty();
    }
    if (!value.isValueNode() || value.asText().isBlank()) {
      problem(key, "field '" + key + "' must be non-empty text");
      return Optional.empty();
    }
    return Optional.of(value.asText().strip());
  }

  Optional<String> optionalText(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    return text(key);
  }

  Optional<String> id(String key) {
    return text(key).filter(v -> validId(key, v));
  }

  Optional<Integer> integer(String key) {
    JsonNode value = node.get(key);
    if (value == null) {
      return text(key).map(v -> 0);
    }
    if (!value.isIntegralNumber()) {
      problem(key, "field '" + key + "' must be a whole number");
      return Optional.empty();
    }
    return Optional.of(value.asInt());
  }

  /** An optional positive number of seconds, such as {@code 3.0}. */
  Optional<Double> optionalSeconds(String key) {
    JsonNode value = node.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isNumber() || value.asDouble() <= 0) {
      problem(key, "field '" + key + "' must be a positive number of seconds, like 3.0");
      return Optional.empty();
    }
    return Optional.of(value.asDouble());
  }

  /** The mapping's keys, in file order. */
  List<String> keys() {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  /**
   * A list of text items (each may be empty, as an output line may be); reports anything else.
   * {@code required} says whether a missing field is a problem.
   */
  Optional<List<String>> textList(String key, boolean required) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      if (required) {
        problem(key, "field '" + key + "' must be a list of text, like [\"a\", \"b\"]");
      }
      return Optional.empty();
    }
    if (!value.isArray() || value.isEmpty()) {
      problem(key, "field '" + key + "' must be a non-empty list of text, like [\"a\", \"b\"]");
      return Optional.empty();
    }
    List<String> items = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      if (!value.get(i).isValueNode() || value.get(i).isNull()) {
        problem(key + "/" + i, "each entry of '" + key + "' must be text");
        return Optional.empty();
      }
      items.add(value.get(i).asText());
    }
    return Optional.of(List.copyOf(items));
  }

  /** The mapping under {@code key}, if it is one; reports anything else. */
  Optional<Fields> mapping(String key) {
    JsonNode value = node.get(key);
    if (value == null || !value.isObject()) {
      problem(key, "field '" + key + "' must be a mapping");
      return Optional.empty();
    }
    return Optional.of(new Fields(file, doc, pathOf(key), value, problems));
  }

  /** A non-empty list of ids, each checked, with duplicates reported at their own line. */
  Optional<List<String>> idList(String key) {
    JsonNode value = node.get(key);
    if (value == null) {
      return text(key).map(v -> List.of());
    }
    if (!value.isArray() || value.isEmpty()) {
      problem(key, "field '" + key + "' must be a non-empty list, like [a, b]");
      return Optional.empty();
    }
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      String item = value.get(i).asText();
      String at = key + "/" + i;
      if (!value.get(i).isValueNode() || !validId(at, item)) {
        continue;
      }
      if (ids.contains(item)) {
        problem(at, "duplicate id '" + item + "' in '" + key + "'");
        continue;
      }
      ids.add(item);
    }
    return Optional.of(List.copyOf(ids));
  }

  /** The nested mappings of {@code key}, by name, in file order; empty when the field is absent. */
  Map<String, Fields> mappings(String key) {
    JsonNode value = node.get(key);
    Map<String, Fields> result = new LinkedHashMap<>();
    if (value == null) {
      return result;
    }
    if (!value.isObject()) {
      problem(key, "field '" + key + "' must be a mapping");
      return result;
    }
    for (var entry : value.properties()) {
      if (!entry.getValue().isObject()) {
        problem(key + "/" + entry.getKey(), "'" + entry.getKey() + "' must be a mapping");
        continue;
      }
      result.put(
          entry.getKey(),
          new Fields(file, doc, pathOf(key + "/" + entry.getKey()), entry.getValue(), problems));
    }
    return result;
  }

  /** Each element of the list {@code key} that is a mapping. */
  List<Fields> mappingList(String key) {
    JsonNode value = node.get(key);
    List<Fields> result = new ArrayList<>();
    if (value == null || !value.isArray()) {
      problem(key, "field '" + key + "' must be a list");
      return result;
    }
    for (int i = 0; i < value.size(); i++) {
      if (value.get(i).isObject()) {
        result.add(new Fields(file, doc, pathOf(key + "/" + i), value.get(i), problems));
      } else {
        problem(key + "/" + i, "each entry of '" + key + "' must be a mapping");
      }
    }
    return result;
  }

  private boolean validId(String key, String value) {
    if (ID.matcher(value).matches()) {
      return true;
    }
    problem(key, "'" + value + "' is not a valid id: use lower-case letters, digits and '-'");
    return false;
  }

  private String pathOf(String key) {
    return path.isEmpty() ? key : path + "/" + key;
  }

  private static List<String> sorted(Set<String> names) {
    return names.stream().sorted().toList();
  }
}

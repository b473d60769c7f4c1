package dev.polyglot.playground.content;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed YAML mapping that remembers the file line of every value, so that a problem deep inside
 * front matter can still point at its line. Paths are {@code key}, {@code key/0}, {@code key/sub}.
 */
final class YamlDoc {
  private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());

  private final ObjectNode root;
  private final Map<String, Integer> lines;

  private YamlDoc(ObjectNode root, Map<String, Integer> lines) {
    this.root = root;
    this.lines = lines;
  }

  ObjectNode root() {
    return root;
  }

  /** The file line of the value at {@code path}, or of the document's first line if unknown. */
  int line(String path) {
    return lines.getOrDefault(path, lines.getOrDefault("", 1));
  }

  /**
   * Parses {@code yaml}, whose first line is line {@code firstLine} of {@code file}. Syntax errors
   * and anything that is not a mapping become problems instead.
   */
  static Optional<YamlDoc> parse(String file, String yaml, int firstLine, List<Problem> problems) {
    if (yaml.isBlank()) {
      problems.add(Problem.at(file, firstLine, "front matter is empty"));
      return Optional.empty();
    }
    try (JsonParser parser = MAPPER.createParser(yaml)) {
      var reader = new Reader(file, firstLine - 1, problems);
      JsonToken first = parser.nextToken();
      if (first != JsonToken.START_OBJECT) {
        problems.add(Problem.at(file, firstLine, "front matter must be a YAML mapping of fields"));
        return Optional.empty();
      }
      var root = (ObjectNode) reader.read(parser, "");
      return Optional.of(new YamlDoc(root, reader.lines));
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      String why = e.getOriginalMessage().lines().findFirst().orElse("invalid YAML").strip();
      problems.add(Problem.at(file, firstLine - 1 + Math.max(line, 1), "malformed YAML: " + why));
      return Optional.empty();
    } catch (IOException e) {
      problems.add(Problem.at(file, firstLine, "cannot read YAML: " + e.getMessage()));
      return Optional.empty();
    }
  }

  /** Builds the tree token by token, recording where each value starts. */
  private static final class Reader {
    private final String file;
    private final int offset;
    private final List<Problem> problems;
    private final Map<String, Integer> lines = new HashMap<>();

    Reader(String file, int offset, List<Problem> problems) {
      this.file = file;
      this.offset = offset;
      this.problems = problems;
    }

    JsonNode read(JsonParser p, String path) throws IOException {
      int line = offset + p.currentTokenLocation().getLineNr();
      lines.putIfAbsent(path, line);
      return switch (p.currentToken()) {
        case START_OBJECT -> readObject(p, path);
        case START_ARRAY -> readArray(p, path);
        default -> MAPPER.readTree(p);
      };
    }

    private ObjectNode readObject(JsonParser p, String path) throws IOException {
      ObjectNode node = JsonNodeFactory.instance.objectNode();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        String child = path.isEmpty() ? name : path + "/" + name;
        int line = offset + p.currentTokenLocation().getLineNr();
        p.nextToken();
        JsonNode value = read(p, child);
        if (node.has(name)) {
          problems.add(Problem.at(file, line, "duplicate field '" + name + "'"));
        } else {
          lines.put(child, line);
          node.set(name, value);
        }
      }
      return node;
    }

    private ArrayNode readArray(JsonParser p, String path) throws IOException {
      ArrayNode node = JsonNodeFactory.instance.arrayNode();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        node.add(read(p, path + "/" + node.size()));
      }
      return node;
    }
  }
}

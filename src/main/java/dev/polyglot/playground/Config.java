package dev.polyglot.playground;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.regex.Pattern;

/**
 * Settings, from environment variables overridden by flags. Everything has a default, so {@code
 * java -jar polyglot-playground.jar} alone serves the bundled lessons on port 8080.
 *
 * @param snippetsDir the lessons folder; empty means the lessons bundled in the jar
 * @param eventLoops how many event loops serve HTTP; 0 means one per core
 */
public record Config(
    String host,
    int port,
    String basePath,
    Optional<Path> snippetsDir,
    boolean dev,
    Level logLevel,
    int eventLoops) {

  private static final Pattern BASE_PATH = Pattern.compile("(/[A-Za-z0-9._~-]+)*");

  public static final String USAGE =
      """
      Usage: java -jar polyglot-playground.jar [serve|validate] [options]

        serve       start the playground (the default)
        validate    check the lessons, print every problem, exit 1 if there is any

      Options (each also read from the environment variable in brackets):
        --port N           HTTP port, 0 for any free port             [PORT, default 8080]
        --host ADDR        address to listen on                        [HOST, default 0.0.0.0]
        --snippets DIR     lessons folder                              [SNIPPETS_DIR, default: bundled]
        --base-path PATH   serve everything under PATH, e.g. /course   [BASE_PATH, default none]
        --log-level LVL    error, warn, info, debug or trace           [LOG_LEVEL, default info]
        --dev              reload lessons when their files change      [DEV=true]
        --help             show this help
      """;

  public static Config defaults() {
    return new Config("0.0.0.0", 8080, "", Optional.empty(), false, Level.INFO, 0);
  }

  public Config withPort(int port) {
    return new Config(host, port, basePath, snippetsDir, dev, logLevel, eventLoops);
  }

  public Config withBasePath(String basePath) {
    return new Config(
        host, port, normalizeBasePath(basePath), snippetsDir, dev, logLevel, eventLoops);
  }

  public Config withSnippets(Path dir) {
    return new Config(host, port, basePath, Optional.of(dir), dev, logLevel, eventLoops);
  }

  public Config withDev(boolean dev) {
    return new Config(host, port, basePath, snippetsDir, dev, logLevel, eventLoops);
  }

  public Config withHost(String host) {
    return new Config(host, port, basePath, snippetsDir, dev, logLevel, eventLoops);
  }

  public int eventLoopCount() {
    return eventLoops > 0 ? eventLoops : Runtime.getRuntime().availableProcessors();
  }

  /**
   * Reads the environment, then the flags in {@code args} (which win).
   *
   * @throws IllegalArgumentException with a message fit for the user when something is invalid
   */
  public static Config parse(List<String> args, Map<String, String> env) {
    Config config = defaults();
    if (env.containsKey("PORT")) config = config.withPort(port(env.get("PORT")));
    if (env.containsKey("HOST")) config = config.withHost(env.get("HOST"));
    if (env.containsKey("SNIPPETS_DIR"))
      config = config.withSnippets(Path.of(env.get("SNIPPETS_DIR")));
    if (env.containsKey("BASE_PATH")) config = config.withBasePath(env.get("BASE_PATH"));
    if (env.containsKey("LOG_LEVEL")) config = config.withLogLevel(level(env.get("LOG_LEVEL")));
    if (env.containsKey("DEV"))
      config = config.withDev(Boolean.parseBoolean(env.get("DEV")) || env.get("DEV").equals("1"));

    List<String> rest = new ArrayList<>(args);
    while (!rest.isEmpty()) {
      String flag = rest.removeFirst();
      config =
          switch (flag) {
            case "--port" -> config.withPort(port(value(flag, rest)));
            case "--host" -> config.withHost(value(flag, rest));
            case "--snippets" -> config.withSnippets(Path.of(value(flag, rest)));
            case "--base-path" -> config.withBasePath(value(flag, rest));
            case "--log-level" -> config.withLogLevel(level(value(flag, rest)));
            case "--dev" -> config.withDev(true);
            default -> throw new IllegalArgumentException("unknown option '" + flag + "'");
          };
    }
    return config;
  }

  private Config withLogLevel(Level level) {
    return new Config(host, port, basePath, snippetsDir, dev, level, eventLoops);
  }

  private static String value(String flag, List<String> rest) {
    if (rest.isEmpty() || rest.getFirst().startsWith("--")) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    return rest.removeFirst();
  }

  private static int port(String text) {
    try {
      int port = Integer.parseInt(text.strip());
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("port must be a number from 0 to 65535, not '" + text + "'");
  }

  private static Level level(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "error" -> Level.SEVERE;
      case "warn", "warning" -> Level.WARNING;
      case "info" -> Level.INFO;
      case "debug" -> Level.FINE;
      case "trace" -> Level.FINEST;
      default ->
          throw new IllegalArgumentException(
              "log level must be error, warn, info, debug or trace, not '" + text + "'");
    };
  }

  /** "" stays "", "course/" becomes "/course"; anything odd is refused rather than guessed at. */
  static String normalizeBasePath(String raw) {
    String path = raw.strip();
    while (path.endsWith("/")) path = path.substring(0, path.length() - 1);
    if (!path.isEmpty() && !path.startsWith("/")) path = "/" + path;
    if (!BASE_PATH.matcher(path).matches() || path.matches(".*/\\.\\.?(/.*)?")) {
      throw new IllegalArgumentException(
          "base path must look like /course or /docs/async, not '" + raw + "'");
    }
    return path;
  }
}

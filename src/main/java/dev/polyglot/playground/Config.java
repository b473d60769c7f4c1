package dev.polyglot.playground;

import dev.polyglot.playground.run.Limits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.logging.Level;
import java.util.regex.Pattern;

/**
 * Settings, from environment variables overridden by flags; the table of {@link #OPTIONS} is the
 * single source of both and of the help text. Everything has a default, so {@code java -jar
 * polyglot-playground.jar} alone serves the bundled lessons on port 8080.
 *
 * @param snippetsDir the lessons folder; empty means the lessons bundled in the jar
 * @param eventLoops how many event loops serve HTTP; 0 means one per core
 * @param maxRuns runs executing at once; 0 means one per core
 * @param poolSize warm worker JVMs kept waiting; -1 means as many as {@code maxRuns}
 * @param allowedOrigins origins ({@code https://docs.example.org}) whose pages may open the
 *     WebSocket besides the site's own; {@code *} allows any
 */
public record Config(
    String host,
    int port,
    String basePath,
    Optional<Path> snippetsDir,
    boolean dev,
    Level logLevel,
    int eventLoops,
    boolean allowUnsandboxed,
    int maxRuns,
    int maxQueue,
    int poolSize,
    int warmups,
    Limits limits,
    Path workDir,
    List<String> allowedOrigins) {

  private static final Pattern ORIGIN =
      Pattern.compile(
          "https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?|https?://\\[[0-9A-Fa-f:.]+\\](:[0-9]{1,5})?");
  private static final Pattern BASE_PATH = Pattern.compile("(/[A-Za-z0-9._~-]+)*");

  /** One setting: its flag, its environment variable, its help, and how it changes a Config. */
  record Option(
      String flag, String env, String arg, String help, BiFunction<Config, String, Config> apply) {}

  static final List<Option> OPTIONS =
      List.of(
          new Option(
              "--port",
              "PORT",
              "N",
              "HTTP port, 0 for any free port [8080]",
              (c, v) -> c.withPort(port(v))),
          new Option(
              "--host", "HOST", "ADDR", "address to listen on [0.0.0.0]", (c, v) -> c.withHost(v)),
          new Option(
              "--snippets",
              "SNIPPETS_DIR",
              "DIR",
              "lessons folder [bundled]",
              (c, v) -> c.withSnippets(Path.of(v))),
          new Option(
              "--base-path",
              "BASE_PATH",
              "PATH",
              "serve everything under PATH, e.g. /course",
              (c, v) -> c.withBasePath(v)),
          new Option(
              "--log-level",
              "LOG_LEVEL",
              "LVL",
              "error, warn, info, debug or trace [info]",
              (c, v) -> c.with(b -> b.logLevel = level(v))),
          new Option(
              "--dev",
              "DEV",
              null,
              "reload lessons when their files change",
              (c, v) -> c.withDev(bool(v))),
          new Option(
              "--max-runs",
              "MAX_RUNS",
              "N",
              "runs executing at once [cores]",
              (c, v) -> c.with(b -> b.maxRuns = count(v, 1))),
          new Option(
              "--max-queue",
              "MAX_QUEUE",
              "N",
              "runs waiting beyond those [16]",
              (c, v) -> c.with(b -> b.maxQueue = count(v, 0))),
          new Option(
              "--pool",
              "POOL_SIZE",
              "N",
              "warm worker JVMs kept ready [max-runs]",
              (c, v) -> c.with(b -> b.poolSize = count(v, 0))),
          new Option(
              "--warmups",
              "WARMUPS",
              "N",
              "javac warm-up compiles per pooled worker [5]",
              (c, v) -> c.with(b -> b.warmups = count(v, 0))),
          new Option(
              "--run-timeout",
              "RUN_TIMEOUT",
              "SECONDS",
              "wall time of one run [10]",
              (c, v) -> c.withLimits(l -> l.wallTime = Duration.ofSeconds(count(v, 1)))),
          new Option(
              "--compile-timeout",
              "COMPILE_TIMEOUT",
              "SECONDS",
              "javac time for edited code [10]",
              (c, v) -> c.withLimits(l -> l.compileTime = Duration.ofSeconds(count(v, 1)))),
          new Option(
              "--run-cpu",
              "RUN_CPU",
              "SECONDS",
              "CPU time of one run [20]",
              (c, v) -> c.withLimits(l -> l.cpuSeconds = count(v, 1))),
          new Option(
              "--run-heap",
              "RUN_HEAP_MB",
              "MB",
              "heap of one run [128]",
              (c, v) -> c.withLimits(l -> l.heapMb = count(v, 16))),
          new Option(
              "--run-processes",
              "RUN_PROCESSES",
              "N",
              "threads + processes of one run [128]",
              (c, v) -> c.withLimits(l -> l.processes = count(v, 32))),
          new Option(
              "--run-output",
              "RUN_OUTPUT_KB",
              "KIB",
              "output of one run [256]",
              (c, v) -> c.withLimits(l -> l.outputBytes = 1024L * count(v, 1))),
          new Option(
              "--run-file-size",
              "RUN_FILE_MB",
              "MB",
              "largest file a run may write [16]",
              (c, v) -> c.withLimits(l -> l.fileBytes = 1024L * 1024 * count(v, 1))),
          new Option(
              "--run-tmp",
              "RUN_TMP_MB",
              "MB",
              "size of a run's private /tmp [64]",
              (c, v) -> c.withLimits(l -> l.tmpBytes = 1024L * 1024 * count(v, 1))),
          new Option(
              "--max-source",
              "MAX_SOURCE_KB",
              "KIB",
              "largest edited source [64]",
              (c, v) -> c.withLimits(l -> l.sourceBytes = 1024 * count(v, 1))),
          new Option(
              "--work-dir",
              "WORK_DIR",
              "DIR",
              "scratch space for worker JVMs [$TMPDIR/polyglot-playground]",
              (c, v) -> c.with(b -> b.workDir = Path.of(v))),
          new Option(
              "--allowed-origins",
              "ALLOWED_ORIGINS",
              "LIST",
              "other sites' origins that may run code here, comma-separated [none]",
              (c, v) -> c.withAllowedOrigins(origins(v))),
          new Option(
              "--unsafe-run-unsandboxed",
              "UNSAFE_RUN_UNSANDBOXED",
              null,
              "run edited code even without bubblewrap: only for trusted users!",
              (c, v) -> c.with(b -> b.allowUnsandboxed = bool(v))));

  public static final String USAGE = usage();

  public static Config defaults() {
    return new Config(
        "0.0.0.0",
        8080,
        "",
        Optional.empty(),
        false,
        Level.INFO,
        0,
        false,
        0,
        16,
        -1,
        5,
        Limits.DEFAULTS,
        Path.of(System.getProperty("java.io.tmpdir"), "polyglot-playground"),
        List.of());
  }

  public Config withPort(int port) {
    return with(b -> b.port = port);
  }

  public Config withHost(String host) {
    return with(b -> b.host = host);
  }

  public Config withBasePath(String basePath) {
    String normalized = normalizeBasePath(basePath);
    return with(b -> b.basePath = normalized);
  }

  public Config withSnippets(Path dir) {
    return with(b -> b.snippetsDir = Optional.of(dir));
  }

  public Config withDev(boolean dev) {
    return with(b -> b.dev = dev);
  }

  public Config withPool(int size, int warmups) {
    return with(b -> {
      b.poolSize = size;
      b.warmups = warmups;
    });
  }

  public Config withMaxRuns(int maxRuns, int maxQueue) {
    return with(b -> {
      b.maxRuns = maxRuns;
      b.maxQueue = maxQueue;
    });
  }

  public Config withWorkDir(Path dir) {
    return with(b -> b.workDir = dir);
  }

  public Config withAllowedOrigins(List<String> origins) {
    List<String> copy = List.copyOf(origins);
    return with(b -> b.allowedOrigins = copy);
  }

  public Config withAllowUnsandboxed(boolean allow) {
    return with(b -> b.allowUnsandboxed = allow);
  }

  public Config withLimits(java.util.function.Consumer<LimitsBuilder> change) {
    var l = new LimitsBuilder(limits);
    change.accept(l);
    Limits built = l.build();
    return with(b -> b.limits = built);
  }

  public int eventLoopCount() {
    return eventLoops > 0 ? eventLoops : Runtime.getRuntime().availableProcessors();
  }

  public int maxRunCount() {
    return maxRuns > 0 ? maxRuns : Runtime.getRuntime().availableProcessors();
  }

  public int poolCount() {
    return poolSize >= 0 ? poolSize : maxRunCount();
  }

  /**
   * Reads the environment, then the flags in {@code args} (which win).
   *
   * @throws IllegalArgumentException with a message fit for the user when something is invalid
   */
  public static Config parse(List<String> args, Map<String, String> env) {
    Config config = defaults();
    for (Option option : OPTIONS) {
      String value = env.get(option.env());
      if (value != null) {
        config = option.apply().apply(config, value);
      }
    }
    List<String> rest = new ArrayList<>(args);
    while (!rest.isEmpty()) {
      String flag = rest.removeFirst();
      Option option =
          OPTIONS.stream()
              .filter(o -> o.flag().equals(flag))
              .findFirst()
              .orElseThrow(() -> new IllegalArgumentException("unknown option '" + flag + "'"));
      String value = option.arg() == null ? "true" : value(flag, rest);
      config = option.apply().apply(config, value);
    }
    return config;
  }

  private static String usage() {
    var text =
        new StringBuilder(
            """
            Usage: java -jar polyglot-playground.jar [serve|validate] [options]

              serve       start the playground (the default)
              validate    check the lessons, print every problem, exit 1 if there is any

            Options (each also read from the environment variable in brackets):
            """);
    for (Option o : OPTIONS) {
      String flag = o.flag() + (o.arg() == null ? "" : " " + o.arg());
      text.append("  %-28s %s [%s]%n".formatted(flag, o.help(), o.env()));
    }
    return text.append("  --help                       show this help\n").toString();
  }

  private static String value(String flag, List<String> rest) {
    if (rest.isEmpty() || rest.getFirst().startsWith("--")) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    return rest.removeFirst();
  }

  private static boolean bool(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes", "on" -> true;
      case "false", "0", "no", "off", "" -> false;
      default -> throw new IllegalArgumentException("expected true or false, not '" + text + "'");
    };
  }

  private static int count(String text, int min) {
    try {
      int n = Integer.parseInt(text.strip());
      if (n >= min) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "expected a whole number of at least " + min + ", not '" + text + "'");
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

  /**
   * "https://Docs.Example.org/, http://localhost:3000" becomes two origins as browsers send them
   * (lower case, no path); a path, a query or an unknown scheme is refused.
   */
  static List<String> origins(String csv) {
    List<String> origins = new ArrayList<>();
    for (String part : csv.split(",")) {
      String raw = part.strip();
      if (raw.isEmpty()) {
        continue;
      }
      String origin = raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw;
      if (!origin.equals("*") && !ORIGIN.matcher(origin).matches()) {
        throw new IllegalArgumentException(
            "an allowed origin looks like https://docs.example.org or http://localhost:3000,"
                + " not '"
                + raw
                + "'");
      }
      origins.add(origin.toLowerCase(Locale.ROOT));
    }
    return origins;
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

  private Config with(java.util.function.Consumer<Builder> change) {
    var b = new Builder(this);
    change.accept(b);
    return b.build();
  }

  /** A mutable copy, so that each option changes one field without restating the others. */
  private static final class Builder {
    String host;
    int port;
    String basePath;
    Optional<Path> snippetsDir;
    boolean dev;
    Level logLevel;
    int eventLoops;
    boolean allowUnsandboxed;
    int maxRuns;
    int maxQueue;
    int poolSize;
    int warmups;
    Limits limits;
    Path workDir;
    List<String> allowedOrigins;

    Builder(Config c) {
      host = c.host;
      port = c.port;
      basePath = c.basePath;
      snippetsDir = c.snippetsDir;
      dev = c.dev;
      logLevel = c.logLevel;
      eventLoops = c.eventLoops;
      allowUnsandboxed = c.allowUnsandboxed;
      maxRuns = c.maxRuns;
      maxQueue = c.maxQueue;
      poolSize = c.poolSize;
      warmups = c.warmups;
      limits = c.limits;
      workDir = c.workDir;
      allowedOrigins = c.allowedOrigins;
    }

    Config build() {
      return new Config(
          host,
          port,
          basePath,
          snippetsDir,
          dev,
          logLevel,
          eventLoops,
          allowUnsandboxed,
          maxRuns,
          maxQueue,
          poolSize,
          warmups,
          limits,
          workDir,
          allowedOrigins);
    }
  }

  /** The same, for {@link Limits}. */
  public static final class LimitsBuilder {
    Duration wallTime;
    Duration compileTime;
    int cpuSeconds;
    int heapMb;
    int processes;
    long outputBytes;
    long fileBytes;
    long tmpBytes;
    int sourceBytes;

    LimitsBuilder(Limits l) {
      wallTime = l.wallTime();
      compileTime = l.compileTime();
      cpuSeconds = l.cpuSeconds();
      heapMb = l.heapMb();
      processes = l.processes();
      outputBytes = l.outputBytes();
      fileBytes = l.fileBytes();
      tmpBytes = l.tmpBytes();
      sourceBytes = l.sourceBytes();
    }

    public LimitsBuilder wallTime(Duration d) {
      wallTime = d;
      return this;
    }

    public LimitsBuilder outputBytes(long n) {
      outputBytes = n;
      return this;
    }

    public LimitsBuilder heapMb(int n) {
      heapMb = n;
      return this;
    }

    public LimitsBuilder sourceBytes(int n) {
      sourceBytes = n;
      return this;
    }

    public LimitsBuilder compileTime(Duration d) {
      compileTime = d;
      return this;
    }

    Limits build() {
      return new Limits(
          wallTime,
          compileTime,
          cpuSeconds,
          heapMb,
          processes,
          outputBytes,
          fileBytes,
          tmpBytes,
          sourceBytes);
    }
  }
}

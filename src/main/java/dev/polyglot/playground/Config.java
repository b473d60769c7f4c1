package dev.polyglot.playground;

import dev.polyglot.playground.cluster.ClusterSettings;
import dev.polyglot.playground.cluster.Role;
import dev.polyglot.playground.run.Admission;
import dev.polyglot.playground.run.Limits;
import dev.polyglot.playground.web.ClientLimits;
import dev.polyglot.playground.web.ConnectionGuard;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.regex.Pattern;

/**
 * Settings, from environment variables overridden by flags; the table of {@link #OPTIONS} is the
 * single source of both and of the help text. Everything has a default, so {@code java -jar
 * polyglot-playground.jar} alone serves the bundled lessons on port 8080.
 *
 * @param snippetsDir the lessons folder; empty means the lessons bundled in the jar
 * @param maxRuns a ceiling on runs executing at once; 0 means none beyond memory and CPU
 * @param poolSize warm worker JVMs kept waiting when idle; -1 means one per core
 * @param poolMax warm worker JVMs kept waiting after a burst; -1 means four times {@code poolSize}
 * @param maxStarting runs whose JVM may be starting at once; 0 means one per core
 * @param allowedOrigins origins ({@code https://docs.example.org}) whose pages may open the
 *     WebSocket besides the site's own; {@code *} allows any
 * @param shutdownGrace how long runs in flight may go on after SIGTERM before they are stopped
 * @param connections how long a connection may take to send a request head or stay idle, and how
 *     many one address may hold
 * @param memoryReserveMb memory that runs leave to the server and the rest of the machine
 * @param clientLimits the runs one client may have going, and start per minute
 * @param cluster this node's role, and how it finds the others
 */
public record Config(
    String host,
    int port,
    String basePath,
    Optional<Path> snippetsDir,
    boolean dev,
    Level logLevel,
    boolean allowUnsandboxed,
    int maxRuns,
    int maxQueue,
    int poolSize,
    int warmups,
    Limits limits,
    Path workDir,
    List<String> allowedOrigins,
    Duration shutdownGrace,
    ConnectionGuard.Settings connections,
    int maxStarting,
    int memoryReserveMb,
    int poolMax,
    ClientLimits clientLimits,
    ClusterSettings cluster) {

  private static final Pattern ORIGIN =
      Pattern.compile(
          "https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?|https?://\\[[0-9A-Fa-f:.]+\\](:[0-9]{1,5})?");
  private static final Pattern BASE_PATH = Pattern.compile("(/[A-Za-z0-9._~-]+)*");

  /** One setting: its flag, its environment variable, its help, and how it sets its field. */
  record Option(
      String flag, String env, String arg, String help, BiConsumer<Builder, String> apply) {}

  static final List<Option> OPTIONS =
      List.of(
          new Option(
              "--port",
              "PORT",
              "N",
              "HTTP port, 0 for any free port [8080]",
              (b, v) -> b.port = port(v)),
          new Option(
              "--host", "HOST", "ADDR", "address to listen on [0.0.0.0]", (b, v) -> b.host = v),
          new Option(
              "--snippets",
              "SNIPPETS_DIR",
              "DIR",
              "lessons folder [bundled]",
              (b, v) -> b.snippetsDir = Optional.of(Path.of(v))),
          new Option(
              "--base-path",
              "BASE_PATH",
              "PATH",
              "serve everything under PATH, e.g. /course",
              (b, v) -> b.basePath = normalizeBasePath(v)),
          new Option(
              "--log-level",
              "LOG_LEVEL",
              "LVL",
              "error, warn, info, debug or trace [info]",
              (b, v) -> b.logLevel = level(v)),
          new Option(
              "--dev",
              "DEV",
              null,
              "reload lessons when their files change",
              (b, v) -> b.dev = bool(v)),
          new Option(
              "--max-runs",
              "MAX_RUNS",
              "N",
              "a ceiling on runs executing at once; 0 for none beyond memory and CPU [0]",
              (b, v) -> b.maxRuns = count(v, 0)),
          new Option(
              "--max-queue",
              "MAX_QUEUE",
              "N",
              "runs waiting for room [200]",
              (b, v) -> b.maxQueue = count(v, 0)),
          new Option(
              "--max-starting",
              "MAX_STARTING",
              "N",
              "runs whose JVM may be starting at once [cores]",
              (b, v) -> b.maxStarting = count(v, 1)),
          new Option(
              "--memory-reserve",
              "MEMORY_RESERVE_MB",
              "MB",
              "memory runs leave to the rest of the machine [512]",
              (b, v) -> b.memoryReserveMb = count(v, 0)),
          new Option(
              "--pool",
              "POOL_SIZE",
              "N",
              "warm worker JVMs kept ready when idle [cores]",
              (b, v) -> b.poolSize = count(v, 0)),
          new Option(
              "--pool-max",
              "POOL_MAX",
              "N",
              "warm worker JVMs kept ready after a burst of runs [4 x pool]",
              (b, v) -> b.poolMax = count(v, 0)),
          new Option(
              "--max-runs-per-client",
              "MAX_RUNS_PER_CLIENT",
              "N",
              "runs one browser (WebSocket) may have running or queued [4]",
              (b, v) -> b.clientLimits.perSocket = count(v, 1)),
          new Option(
              "--max-runs-per-ip",
              "MAX_RUNS_PER_IP",
              "N",
              "runs one address may have running or queued over /api/run [32]",
              (b, v) -> b.clientLimits.perAddress = count(v, 1)),
          new Option(
              "--runs-per-minute-per-client",
              "RUNS_PER_MINUTE_PER_CLIENT",
              "N",
              "runs a browser, or an /api/run address, may start per minute; 0 for no limit [60]",
              (b, v) -> b.clientLimits.perMinute = count(v, 0)),
          new Option(
              "--warmups",
              "WARMUPS",
              "N",
              "javac warm-up compiles per pooled worker (none in a burst) [0]",
              (b, v) -> b.warmups = count(v, 0)),
          new Option(
              "--run-timeout",
              "RUN_TIMEOUT",
              "SECONDS",
              "wall time of one run [10]",
              (b, v) -> b.limits.wallTime = Duration.ofSeconds(count(v, 1))),
          new Option(
              "--compile-timeout",
              "COMPILE_TIMEOUT",
              "SECONDS",
              "javac time for edited code [10]",
              (b, v) -> b.limits.compileTime = Duration.ofSeconds(count(v, 1))),
          new Option(
              "--run-cpu",
              "RUN_CPU",
              "SECONDS",
              "CPU time of one run [20]",
              (b, v) -> b.limits.cpuSeconds = count(v, 1)),
          new Option(
              "--run-heap",
              "RUN_HEAP_MB",
              "MB",
              "heap of one run [128]",
              (b, v) -> b.limits.heapMb = count(v, 16)),
          new Option(
              "--run-memory",
              "RUN_MEMORY_MB",
              "MB",
              "all the memory one run may commit, heap and native [heap + 192]",
              (b, v) -> b.limits.memoryMb = count(v, 64)),
          new Option(
              "--run-processes",
              "RUN_PROCESSES",
              "N",
              "threads + processes of one run [128]",
              (b, v) -> b.limits.processes = count(v, 32)),
          new Option(
              "--run-output",
              "RUN_OUTPUT_KB",
              "KIB",
              "output of one run [256]",
              (b, v) -> b.limits.outputBytes = 1024L * count(v, 1)),
          new Option(
              "--run-file-size",
              "RUN_FILE_MB",
              "MB",
              "largest file a run may write [16]",
              (b, v) -> b.limits.fileBytes = 1024L * 1024 * count(v, 1)),
          new Option(
              "--run-tmp",
              "RUN_TMP_MB",
              "MB",
              "size of a run's private /tmp [64]",
              (b, v) -> b.limits.tmpBytes = 1024L * 1024 * count(v, 1)),
          new Option(
              "--max-source",
              "MAX_SOURCE_KB",
              "KIB",
              "largest edited source [64]",
              (b, v) -> b.limits.sourceBytes = 1024 * count(v, 1)),
          new Option(
              "--work-dir",
              "WORK_DIR",
              "DIR",
              "scratch space for worker JVMs [$TMPDIR/polyglot-playground]",
              (b, v) -> b.workDir = Path.of(v)),
          new Option(
              "--allowed-origins",
              "ALLOWED_ORIGINS",
              "LIST",
              "other sites' origins that may run code here, comma-separated [none]",
              (b, v) -> b.allowedOrigins = origins(v)),
          new Option(
              "--shutdown-grace",
              "SHUTDOWN_GRACE",
              "SECONDS",
              "on SIGTERM, how long runs in flight may go on before they are stopped [10]",
              (b, v) -> b.shutdownGrace = Duration.ofSeconds(count(v, 0))),
          new Option(
              "--header-timeout",
              "HEADER_TIMEOUT",
              "SECONDS",
              "a connection must send a whole request head within this; 0 for no limit [10]",
              (b, v) -> b.headerTimeout = Duration.ofSeconds(count(v, 0))),
          new Option(
              "--idle-timeout",
              "IDLE_TIMEOUT",
              "SECONDS",
              "close a connection silent this long (WebSockets are pinged every 25) [60]",
              (b, v) -> b.idleTimeout = Duration.ofSeconds(count(v, 30))),
          new Option(
              "--max-connections-per-ip",
              "MAX_CONNECTIONS_PER_IP",
              "N",
              "connections one address may hold, WebSockets included; 0 for no cap [512]",
              (b, v) -> b.maxConnectionsPerIp = count(v, 0)),
          new Option(
              "--trust-proxy",
              "TRUST_PROXY",
              null,
              "count /api/run callers by the address their proxy appends to X-Forwarded-For",
              (b, v) -> b.clientLimits.trustProxy = bool(v)),
          new Option(
              "--role",
              "ROLE",
              "ROLE",
              "all: one node does everything; web: pages and runs, sent to executors; executor:"
                  + " runs code for web nodes [all]",
              (b, v) -> b.cluster.role = Role.parse(v)),
          new Option(
              "--cluster-host",
              "CLUSTER_HOST",
              "ADDR",
              "this node's address in the cluster, bound and advertised [127.0.0.1]",
              (b, v) -> b.cluster.host = v.strip()),
          new Option(
              "--cluster-port",
              "CLUSTER_PORT",
              "N",
              "the cluster member port (Hazelcast) [5701]",
              (b, v) -> b.cluster.port = port(v)),
          new Option(
              "--cluster-bus-port",
              "CLUSTER_BUS_PORT",
              "N",
              "the event-bus port that carries runs between nodes; 0 for any [0]",
              (b, v) -> b.cluster.busPort = port(v)),
          new Option(
              "--cluster-members",
              "CLUSTER_MEMBERS",
              "LIST",
              "host:port of other members to join, comma-separated (TCP/IP, never multicast)",
              (b, v) -> b.cluster.members = members(v)),
          new Option(
              "--cluster-name",
              "CLUSTER_NAME",
              "NAME",
              "keeps two clusters on one network apart [polyglot-playground]",
              (b, v) -> b.cluster.name = v.strip()),
          new Option(
              "--cluster-keystore",
              "CLUSTER_KEYSTORE",
              "FILE",
              "PKCS#12 key store: the event bus between nodes then uses mutual TLS",
              (b, v) -> b.cluster.keyStore = Optional.of(Path.of(v))),
          new Option(
              "--cluster-keystore-password",
              "CLUSTER_KEYSTORE_PASSWORD",
              "TEXT",
              "the key store's password",
              (b, v) -> b.cluster.keyStorePassword = v),
          new Option(
              "--unsafe-run-unsandboxed",
              "UNSAFE_RUN_UNSANDBOXED",
              null,
              "run edited code even without bubblewrap: only for trusted users!",
              (b, v) -> b.allowUnsandboxed = bool(v)));

  public static final String USAGE = usage();

  /** Every setting at its default: what {@code java -jar} with no settings serves. */
  public static Config defaults() {
    return new Builder().build();
  }

  /** One event loop, and one HTTP server, per core. */
  public int eventLoopCount() {
    return Runtime.getRuntime().availableProcessors();
  }

  public int poolCount() {
    return poolSize >= 0 ? poolSize : cores();
  }

  /** Four times the idle pool unless set: {@code --pool 0} keeps no workers, even after a burst. */
  public int poolMaxCount() {
    return Math.max(poolCount(), poolMax >= 0 ? poolMax : 4 * poolCount());
  }

  public int maxStartingCount() {
    return maxStarting > 0 ? maxStarting : cores();
  }

  /** When a run may start on this node: see {@link Admission}. */
  public Admission admission() {
    return new Admission(
        maxRuns, limits.memoryBytes(), (long) memoryReserveMb << 20, maxStartingCount());
  }

  private static int cores() {
    return Runtime.getRuntime().availableProcessors();
  }

  /**
   * Reads the environment, then the flags in {@code args} (which win).
   *
   * @throws IllegalArgumentException with a message fit for the user when something is invalid
   */
  public static Config parse(List<String> args, Map<String, String> env) {
    var config = new Builder();
    for (Option option : OPTIONS) {
      String value = env.get(option.env());
      if (value != null) {
        option.apply().accept(config, value);
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
      option.apply().accept(config, value);
    }
    Config built = config.build();
    Limits limits = built.limits();
    if (limits.memoryMb() > 0 && limits.memoryMb() < limits.heapMb() + 64) {
      throw new IllegalArgumentException(
          "RUN_MEMORY_MB (%d) must leave a JVM room beside its heap: at least RUN_HEAP_MB + 64 (%d)"
              .formatted(limits.memoryMb(), limits.heapMb() + 64));
    }
    return built;
  }

  private static String usage() {
    var text =
        new StringBuilder(
            """
            Usage: java -jar polyglot-playground.jar [serve|validate|train|prepare] [options]

              serve       start the playground (the default)
              validate    check the lessons, print every problem, exit 1 if there is any
              train       with java -XX:AOTCacheOutput=FILE: record the server's AOT cache (serve
                          each page once, then exit); start with -XX:AOTCache=FILE to use it
              prepare     make beside the jar (worker-runtimes/) what a first start would make:
                          the runtime that runs Java code, and, where this machine has the
                          sandbox, the workers' AOT cache for the options given

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

  /** "a:5701, b:5701" becomes two members; a member without a port, or a bad one, is refused. */
  static List<String> members(String csv) {
    List<String> members = new ArrayList<>();
    for (String part : csv.split(",")) {
      String member = part.strip();
      if (member.isEmpty()) {
        continue;
      }
      int colon = member.lastIndexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException(
            "a cluster member looks like host:port, such as 10.0.0.5:5701, not '" + member + "'");
      }
      port(member.substring(colon + 1));
      members.add(member);
    }
    return members;
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

  /** Settings as they are being read: each option sets one field. */
  static final class Builder {
    String host = "0.0.0.0";
    int port = 8080;
    String basePath = "";
    Optional<Path> snippetsDir = Optional.empty();
    boolean dev;
    Level logLevel = Level.INFO;
    boolean allowUnsandboxed;
    int maxRuns;
    int maxQueue = 200;
    int maxStarting;
    int memoryReserveMb = 512;
    int poolSize = -1;
    int poolMax = -1;
    final ClientLimitsBuilder clientLimits = new ClientLimitsBuilder();
    int warmups = 0;
    final LimitsBuilder limits = new LimitsBuilder(Limits.DEFAULTS);
    Path workDir = Path.of(System.getProperty("java.io.tmpdir"), "polyglot-playground");
    List<String> allowedOrigins = List.of();
    Duration shutdownGrace = Duration.ofSeconds(10);
    Duration headerTimeout = Duration.ofSeconds(10);
    Duration idleTimeout = Duration.ofSeconds(60);
    int maxConnectionsPerIp = 512;
    final ClusterBuilder cluster = new ClusterBuilder();

    Config build() {
      return new Config(
          host,
          port,
          basePath,
          snippetsDir,
          dev,
          logLevel,
          allowUnsandboxed,
          maxRuns,
          maxQueue,
          poolSize,
          warmups,
          limits.build(),
          workDir,
          allowedOrigins,
          shutdownGrace,
          new ConnectionGuard.Settings(headerTimeout, idleTimeout, maxConnectionsPerIp),
          maxStarting,
          memoryReserveMb,
          poolMax,
          clientLimits.build(),
          cluster.build());
    }
  }

  /** The same, for {@link ClientLimits}. */
  static final class ClientLimitsBuilder {
    int perSocket = ClientLimits.DEFAULTS.perSocket();
    int perAddress = ClientLimits.DEFAULTS.perAddress();
    int perMinute = ClientLimits.DEFAULTS.perMinute();
    boolean trustProxy;

    ClientLimits build() {
      return new ClientLimits(perSocket, perAddress, perMinute, trustProxy);
    }
  }

  /** The same, for {@link ClusterSettings}. */
  static final class ClusterBuilder {
    Role role = Role.ALL;
    String host = "127.0.0.1";
    int port = 5701;
    int busPort;
    List<String> members = List.of();
    String name = "polyglot-playground";
    Optional<Path> keyStore = Optional.empty();
    String keyStorePassword = "";

    ClusterSettings build() {
      return new ClusterSettings(
          role, host, port, busPort, members, name, keyStore, keyStorePassword);
    }
  }

  /** The same, for {@link Limits}. */
  static final class LimitsBuilder {
    Duration wallTime;
    Duration compileTime;
    int cpuSeconds;
    int heapMb;
    int memoryMb;
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
      memoryMb = l.memoryMb();
      processes = l.processes();
      outputBytes = l.outputBytes();
      fileBytes = l.fileBytes();
      tmpBytes = l.tmpBytes();
      sourceBytes = l.sourceBytes();
    }

    Limits build() {
      return new Limits(
          wallTime,
          compileTime,
          cpuSeconds,
          heapMb,
          memoryMb,
          processes,
          outputBytes,
          fileBytes,
          tmpBytes,
          sourceBytes);
    }
  }
}

package dev.polyglot.playground;

import dev.polyglot.playground.content.Bundled;
import dev.polyglot.playground.content.CourseLoader;
import dev.polyglot.playground.content.Loaded;
import dev.polyglot.playground.run.sandbox.SandboxRunners;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.ConsoleHandler;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Command line: {@code serve} (the default), {@code validate}, {@code train} or {@code prepare}.
 */
public final class Main {
  private static final System.Logger LOG = System.getLogger(Main.class.getName());

  /**
   * vertx-micrometer registers one "active connections" gauge per HTTP server and Micrometer warns
   * about every server after the first; we run one per event loop on purpose. Held here because
   * java.util.logging keeps loggers only weakly.
   */
  private static final Logger MICROMETER_REGISTRY =
      Logger.getLogger("io.micrometer.core.instrument.MeterRegistry");

  /** Hazelcast logs pages at INFO (its logo, its licence, every setting); its warnings suffice. */
  private static final Logger HAZELCAST = Logger.getLogger("com.hazelcast");

  private static final String NETTY_JFR = "io.netty.jfr.enabled";

  private Main() {}

  public static void main(String[] args) {
    // Netty's allocator reports its chunks as JFR events unless told not to. Registering them set
    // up JFR's whole metadata repository on the event loop, while the first request of a new
    // server waited: 40-70 ms of a restart's first page. Whoever records with JFR can still turn
    // them on (-Dio.netty.jfr.enabled=true).
    if (System.getProperty(NETTY_JFR) == null) {
      System.setProperty(NETTY_JFR, "false");
    }
    List<String> rest = new ArrayList<>(List.of(args));
    String command =
        !rest.isEmpty() && !rest.getFirst().startsWith("-") ? rest.removeFirst() : "serve";
    if (rest.contains("--help") || rest.contains("-h") || command.equals("help")) {
      System.out.print(Config.USAGE);
      return;
    }
    List<String> options = List.copyOf(rest); // parsing consumes rest
    Config config;
    try {
      config = Config.parse(rest, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage() + "\n\n" + Config.USAGE);
      System.exit(2);
      return;
    }
    configureLogging(config);
    switch (command) {
      case "serve" -> serve(config);
      case "validate" -> System.exit(validate(config, System.out));
      case "train" -> System.exit(train(options));
      case "prepare" -> System.exit(prepare(config));
      default -> {
        System.err.println("error: unknown command '" + command + "'\n\n" + Config.USAGE);
        System.exit(2);
      }
    }
  }

  private static int train(List<String> args) {
    try {
      return ServerTraining.run(args);
    } catch (Exception e) {
      LOG.log(Level.ERROR, "training failed: " + e.getMessage(), e);
      return 1;
    }
  }

  /**
   * Makes beside the jar what a first start would otherwise make on its way to ready: the runtime
   * that runs Java code, then the workers' AOT cache where this machine has the sandbox. A cache
   * that cannot be recorded is a warning, not a failure: the server then records it at its first
   * start.
   */
  private static int prepare(Config config) {
    // What it makes is printed below; the sandbox's and runtimes' INFO lines are a server's.
    if (config.logLevel().intValue() < java.util.logging.Level.WARNING.intValue()) {
      Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
    }
    try {
      System.out.println("the runtime for Java code: " + SandboxRunners.prepareRuntime());
    } catch (Exception e) {
      System.err.println("error: cannot prepare the runtime for Java code: " + e.getMessage());
      return 1;
    }
    Vertx vertx = Vertx.vertx();
    try {
      String done =
          SandboxRunners.prepareAotCache(vertx, Playground.runSettings(config))
              .toCompletionStage()
              .toCompletableFuture()
              .join();
      System.out.println("the workers' AOT cache: " + done);
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      System.err.println(
          "warning: the workers' AOT cache was not recorded, the server records it at its first"
              + " start: "
              + cause.getMessage());
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().join();
    }
    return 0;
  }

  /** Prints every problem, compiler-style, and returns the process exit code. */
  static int validate(Config config, PrintStream out) {
    Path root = config.snippetsDir().orElseGet(Bundled::snippets);
    Loaded loaded = CourseLoader.load(root);
    loaded.problems().forEach(out::println);
    out.printf(
        "%s: %d lessons, %d examples, %d problems%n",
        loaded.ok() ? "OK" : "FAILED",
        loaded.course().lessons().size(),
        loaded.course().exampleCount(),
        loaded.problems().size());
    return loaded.ok() ? 0 : 1;
  }

  private static void serve(Config config) {
    Playground playground;
    try {
      playground = Playground.start(config).toCompletionStage().toCompletableFuture().join();
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      LOG.log(Level.ERROR, "could not start: " + cause.getMessage(), cause);
      System.exit(1);
      return;
    }
    // SIGTERM (docker stop) runs shutdown hooks: finish requests in flight, then exit.
    Runtime.getRuntime()
        .addShutdownHook(
            Thread.ofPlatform()
                .name("shutdown")
                .unstarted(() -> {
                  LOG.log(Level.INFO, "shutting down");
                  try {
                    playground.closeAndWait();
                  } catch (Exception e) {
                    LOG.log(Level.WARNING, "shutdown was not clean", e);
                  }
                }));
    LOG.log(
        Level.INFO,
        "Polyglot Playground is serving on http://%s:%d%s/"
            .formatted(
                config.host().equals("0.0.0.0") ? "localhost" : config.host(),
                playground.port(),
                config.basePath()));
    // The lessons are served before the rest of the site is rendered. A site that cannot be
    // rendered whole is a bug in a lesson or a template: say so and stop.
    awaitOrExit(playground.rendered(), "could not render the site");
    // A runner that cannot start is a setup problem (WORK_DIR, the JDK): say so and stop, as
    // before pages were served early, rather than serve a site whose runs all fail.
    awaitOrExit(playground.runnerStarted(), "could not start runs");
  }

  /** Waits for {@code step}; if it fails, logs why and exits 1. */
  private static void awaitOrExit(Future<?> step, String failed) {
    try {
      step.toCompletionStage().toCompletableFuture().join();
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      LOG.log(Level.ERROR, failed + ": " + cause.getMessage(), cause);
      System.exit(1);
    }
  }

  /** One line per record, at the chosen level, for our code and Vert.x alike. */
  private static void configureLogging(Config config) {
    System.setProperty(
        "java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$-7s %3$s: %5$s%6$s%n");
    Logger root = Logger.getLogger("");
    for (var handler : root.getHandlers()) {
      root.removeHandler(handler);
    }
    var console = new ConsoleHandler();
    console.setFormatter(new SimpleFormatter());
    console.setLevel(config.logLevel());
    root.addHandler(console);
    root.setLevel(config.logLevel());
    MICROMETER_REGISTRY.setLevel(java.util.logging.Level.SEVERE);
    if (config.logLevel().intValue() >= java.util.logging.Level.INFO.intValue()) {
      HAZELCAST.setLevel(java.util.logging.Level.WARNING);
    }
  }
}

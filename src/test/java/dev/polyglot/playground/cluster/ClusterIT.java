package dev.polyglot.playground.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyglot.playground.Fixtures;
import dev.polyglot.playground.Poll;
import dev.polyglot.playground.TestServer;
import dev.polyglot.playground.run.sandbox.RunClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real cluster on loopback: a web node in this JVM, and executors and a second web node as
 * processes of the built jar, so that they can be killed like a machine that goes away, all with
 * their event bus on mutual TLS. The steps build on each other: a web node alone refuses runs, then
 * two executors join and take runs, then one is killed mid-run, then a web node is.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
  static final String SLEEPY =
      "void main() throws Exception { IO.println(\"waiting\"); Thread.sleep(30_000); }";

  static TestServer web;
  static RunClient client;
  static final List<Node> nodes = new ArrayList<>();
  static final HttpClient http = HttpClient.newHttpClient();
  static int webClusterPort;
  // Every node shares one key store, so the runs and their events cross the event bus on mutual
  // TLS, as an operator who sets CLUSTER_KEYSTORE runs it.
  static Path keyStore;
  static final String PASSWORD = "cluster-it-secret";
  @TempDir static Path work;

  /** A node started from the jar. */
  /** A node started from the jar; {@code base} is its base path. */
  record Node(Process process, int port, String base) {
    JsonObject health() {
      return ClusterIT.health(port, base);
    }
  }

  @BeforeAll
  static void startWebNode() throws Exception {
    // The nodes' work folders sit in here, and their sandboxed workers must be able to enter it.
    java.nio.file.Files.setPosixFilePermissions(
        work, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    webClusterPort = Nodes.freePort();
    keyStore = Nodes.keyStore(work.resolve("cluster.p12"), PASSWORD);
    web =
        TestServer.startWithJvm(
            "--snippets",
            Fixtures.VALID.toString(),
            "--role",
            "web",
            "--cluster-name",
            "cluster-it",
            "--cluster-port",
            String.valueOf(webClusterPort),
            "--cluster-keystore",
            keyStore.toString(),
            "--cluster-keystore-password",
            PASSWORD);
    client = new RunClient(web.playground().port());
  }

  @AfterAll
  static void stop() throws Exception {
    for (Node node : nodes) {
      node.process().descendants().forEach(ProcessHandle::destroyForcibly);
      node.process().destroyForcibly().waitFor();
    }
    web.close();
  }

  @Test
  @Order(1)
  void aWebNodeWithNoExecutorSaysSoAtOnce() throws Exception {
    long start = System.nanoTime();
    var reply = client.edited("void main() { IO.println(\"hi\"); }");
    assertThat(reply.types()).containsExactly("error");
    assertThat(reply.last().getString("reason")).isEqualTo("unavailable");
    assertThat(reply.last().getString("message")).contains("No executor");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    assertThat(health(web.playground().port()).getJsonObject("cluster").getString("role"))
        .isEqualTo("web");
  }

  @Test
  @Order(2)
  void runsArePlacedOnBothExecutorsAndStreamBackWhole() throws Exception {
    nodes.add(executor("a"));
    nodes.add(executor("b"));
    Poll.until(
        "both executors have joined and have room",
        Duration.ofSeconds(90),
        () ->
            executors().size() == 2
                && executors().stream().allMatch(e -> e.getInteger("room") > 0));
    Node executor = nodes.getFirst();
    assertThat(executor.health().getJsonObject("cluster").getString("role")).isEqualTo("executor");
    assertThat(get(executor.port(), "/course/metrics")).contains("jvm_");
    assertThat(get(executor.port(), "/course/")).as("no pages").contains("serves /health");

    String twoLines =
        "void main() throws Exception { IO.println(\"one\"); Thread.sleep(1500);"
            + " IO.println(\"two\"); }";
    List<Future<RunClient.Reply>> replies = new ArrayList<>();
    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 6; i++) {
        replies.add(threads.submit(() -> client.edited(twoLines)));
      }
      Poll.until(
          "runs are going on both executors",
          Duration.ofSeconds(30),
          () -> executors().stream().allMatch(e -> e.getInteger("fromHere") > 0));
      for (var reply : replies) {
        RunClient.Reply r = reply.get();
        assertThat(r.stdout()).isEqualTo("one\ntwo\n");
        assertThat(r.last().getString("type")).isEqualTo("exit");
        assertContiguous(r.events());
      }
    }
    String metrics = get(web.playground().port(), "/metrics");
    assertThat(
            metrics
                .lines()
                .filter(l -> l.startsWith("playground_cluster_runs_total{"))
                .filter(l -> l.contains("outcome=\"placed\"")))
        .as("placed on two executors")
        .hasSize(2);
  }

  @Test
  @Order(3)
  void anExecutorKilledMidRunLosesOnlyItsOwnRuns() throws Exception {
    // Two runs fill an executor, so four reach both.
    List<RunClient.Live> runs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      runs.add(client.waiting());
    }
    Poll.until(
        "runs on each executor",
        Duration.ofSeconds(10),
        () -> executors().stream().mapToInt(e -> e.getInteger("fromHere")).sum() == 4);
    assertThat(executors()).allSatisfy(e -> assertThat(e.getInteger("fromHere")).isPositive());
    Node victim = nodes.getFirst();
    String victimId = victim.health().getJsonObject("cluster").getString("id");
    int onVictim =
        executors().stream()
            .filter(e -> e.getString("id").equals(victimId))
            .findFirst()
            .orElseThrow()
            .getInteger("fromHere");
    List<ProcessHandle> itsProcesses = victim.process().descendants().toList();
    long killed = System.nanoTime();
    victim.process().destroyForcibly(); // SIGKILL: the machine is gone

    int lost = 0;
    long deadline = killed + Duration.ofSeconds(6).toNanos();
    for (var run : runs) {
      var end = terminal(run, deadline);
      if (end != null) {
        assertThat(end.event().getString("reason"))
            .as(end.event().encode())
            .isEqualTo("worker-lost");
        assertThat(Duration.ofNanos(end.nanos() - killed)).isLessThan(Duration.ofSeconds(5));
        lost++;
      }
    }
    assertThat(lost).as("exactly the killed executor's runs are lost").isEqualTo(onVictim);
    Poll.until(
        "the dead executor is dropped", Duration.ofSeconds(5), () -> executors().size() == 1);

    var next = client.edited("void main() { IO.println(\"still here\"); }");
    assertThat(next.stdout()).isEqualTo("still here\n");
    Poll.until(
        "the killed executor's workers die with it",
        Duration.ofSeconds(10),
        () -> itsProcesses.stream().noneMatch(ProcessHandle::isAlive));
  }

  @Test
  @Order(4)
  void aWebNodeKilledMidRunHasItsRunsStopped() throws Exception {
    Node otherWeb = webNode();
    nodes.add(otherWeb);
    var otherClient = new RunClient(otherWeb.port());
    Poll.until(
        "the second web node sees the executor",
        Duration.ofSeconds(60),
        () -> executors(otherWeb.port()).size() == 1);
    Node executor = nodes.get(1);
    String otherId = otherWeb.health().getJsonObject("cluster").getString("id");
    otherClient.waiting();
    assertThat(runsFrom(executor, otherId)).isEqualTo(1);

    long killed = System.nanoTime();
    otherWeb.process().destroyForcibly();
    // The executor counts a run until its terminal event, which comes once its process exited.
    Poll.until(
        "the executor stops the run of the web node that went away, and its process",
        Duration.ofSeconds(5),
        () -> runsFrom(executor, otherId) == 0);
    assertThat(Duration.ofNanos(System.nanoTime() - killed)).isLessThan(Duration.ofSeconds(5));
  }

  /** The runs an executor has from one web node, by the executor's /health. */
  static int runsFrom(Node executor, String web) {
    JsonObject cluster = executor.health().getJsonObject("cluster");
    return cluster == null ? -1 : cluster.getJsonObject("runsByWeb").getInteger(web, 0);
  }

  /** The run's terminal event if it comes before {@code deadline}; other events are skipped. */
  static RunClient.Live.Arrival terminal(RunClient.Live run, long deadline)
      throws InterruptedException {
    while (true) {
      long left = deadline - System.nanoTime();
      // Past the deadline, what has already arrived still counts.
      var next = run.arrivals.poll(Math.max(0, left), java.util.concurrent.TimeUnit.NANOSECONDS);
      if (next == null || List.of("exit", "error").contains(next.event().getString("type"))) {
        return next;
      }
    }
  }

  static void assertContiguous(List<JsonObject> events) {
    for (int i = 0; i < events.size(); i++) {
      assertThat(events.get(i).getLong("seq")).isEqualTo(i + 1L);
    }
    assertThat(events.stream().filter(e -> List.of("exit", "error").contains(e.getString("type"))))
        .hasSize(1);
  }

  static List<JsonObject> executors() {
    return executors(web.playground().port());
  }

  /** The executors a web node knows, by its /health. */
  static List<JsonObject> executors(int port) {
    JsonObject cluster = health(port).getJsonObject("cluster");
    JsonArray list = cluster == null ? null : cluster.getJsonArray("executors");
    return list == null ? List.of() : list.stream().map(JsonObject.class::cast).toList();
  }

  /**
   * An executor, under a base path as a deployment's shared settings may give every node. Two runs
   * at most: room measured from memory differs between two executors on one host by a few runs, and
   * "most room first" would then put the tests' handful of runs all on one of them.
   */
  static Node executor(String name) throws Exception {
    return start(name, "executor", "--base-path", "/course", "--max-runs", "2");
  }

  static Node webNode() throws Exception {
    return start("web2", "web", "--snippets", Fixtures.VALID.toString());
  }

  static Node start(String name, String role, String... more) throws Exception {
    int port = Nodes.freePort();
    int clusterPort = Nodes.freePort();
    var args =
        new ArrayList<>(
            List.of(
                "--role",
                role,
                "--host",
                "127.0.0.1",
                "--port",
                String.valueOf(port),
                "--cluster-name",
                "cluster-it",
                "--cluster-port",
                String.valueOf(clusterPort),
                "--cluster-members",
                "127.0.0.1:" + webClusterPort,
                "--cluster-keystore",
                keyStore.toString(),
                "--cluster-keystore-password",
                PASSWORD,
                "--work-dir",
                work.resolve(name).toString(),
                "--pool",
                "1",
                "--unsafe-run-unsandboxed"));
    args.addAll(List.of(more));
    Process process = Nodes.start(name, args);
    String base = args.contains("--base-path") ? args.get(args.indexOf("--base-path") + 1) : "";
    Poll.until(
        name + " serves /health", Duration.ofSeconds(60), () -> !health(port, base).isEmpty());
    return new Node(process, port, base);
  }

  static JsonObject health(int port) {
    return health(port, "");
  }

  /** A node's /health, or an empty object while it does not answer. */
  static JsonObject health(int port, String base) {
    try {
      return new JsonObject(get(port, base + "/health"));
    } catch (Exception e) {
      return new JsonObject();
    }
  }

  static String get(int port, String path) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }
}

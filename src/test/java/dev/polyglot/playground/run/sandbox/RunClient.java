package dev.polyglot.playground.run.sandbox;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Posts runs to a real server and reads the NDJSON reply, as {@code curl -N} would. */
public final class RunClient {
  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;

  public RunClient(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /** The reply: status and every event, in order. */
  public record Reply(int status, List<JsonObject> events) {
    public List<String> types() {
      return events.stream().map(e -> e.getString("type")).toList();
    }

    public String stdout() {
      return text("stdout");
    }

    String stderr() {
      return text("stderr");
    }

    private String text(String type) {
      return events.stream()
          .filter(e -> e.getString("type").equals(type))
          .map(e -> e.getString("text") + "\n")
          .collect(Collectors.joining());
    }

    public JsonObject last() {
      return events.getLast();
    }

    JsonObject first(String type) {
      return events.stream()
          .filter(e -> e.getString("type").equals(type))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no " + type + " in " + types()));
    }
  }

  public Reply edited(String source) throws Exception {
    return post(edit(source));
  }

  public Reply post(JsonObject body) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create(base + "/api/run"))
            .timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofString(body.encode()))
            .build();
    HttpResponse<java.io.InputStream> response =
        http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    List<JsonObject> events = new ArrayList<>();
    try (var lines =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        events.add(new JsonObject(line));
      }
    }
    return new Reply(response.statusCode(), events);
  }

  /** A run whose events are read as they arrive, each with the moment it arrived. */
  public static final class Live {
    public record Arrival(long nanos, JsonObject event) {}

    public final java.util.concurrent.BlockingQueue<Arrival> arrivals =
        new java.util.concurrent.LinkedBlockingQueue<>();

    /** The next event, or an error after {@code seconds}. */
    public Arrival next(int seconds) throws InterruptedException {
      Arrival a = arrivals.poll(seconds, java.util.concurrent.TimeUnit.SECONDS);
      if (a == null) {
        throw new AssertionError("no event within " + seconds + " s");
      }
      return a;
    }

    /** Skips to the run's last event, its {@code exit} or {@code error}. */
    public Arrival end(int seconds) throws InterruptedException {
      for (Arrival a = next(seconds); ; a = next(seconds)) {
        String type = a.event().getString("type");
        if (type.equals("exit") || type.equals("error") || type.equals("transport")) {
          return a;
        }
      }
    }

    /** Skips to the first event of {@code type}. */
    public Arrival until(String type, int seconds) throws InterruptedException {
      for (Arrival a = next(seconds); ; a = next(seconds)) {
        if (a.event().getString("type").equals(type)) {
          return a;
        }
      }
    }
  }

  /** Starts a run and returns at once; its events arrive on a thread of their own. */
  public Live start(JsonObject body) {
    var live = new Live();
    var request =
        HttpRequest.newBuilder(URI.create(base + "/api/run"))
            .POST(HttpRequest.BodyPublishers.ofString(body.encode()))
            .build();
    Thread.ofVirtual()
        .start(() -> {
          try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofLines());
            response
                .body()
                .forEach(line ->
                    live.arrivals.add(new Live.Arrival(System.nanoTime(), new JsonObject(line))));
          } catch (Exception e) {
            live.arrivals.add(
                new Live.Arrival(
                    System.nanoTime(),
                    new JsonObject().put("type", "transport").put("message", e.toString())));
          }
        });
    return live;
  }

  /** Starts a run that prints "waiting" and sleeps 30 s, and returns once the line arrived. */
  public Live waiting() throws InterruptedException {
    var live =
        start(
            edit(
                "void main() throws Exception { IO.println(\"waiting\"); Thread.sleep(30_000); }"));
    var line = live.until("stdout", 60).event();
    if (!"waiting".equals(line.getString("text"))) {
      throw new AssertionError("the run printed " + line);
    }
    return live;
  }

  public static JsonObject edit(String source) {
    return new JsonObject()
        .put("lesson", "first-lesson")
        .put("example", "hello")
        .put("source", source);
  }

  public int health() throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(base + "/health")).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}

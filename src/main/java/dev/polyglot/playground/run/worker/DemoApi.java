package dev.polyglot.playground.run.worker;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small JSON API served inside the sandbox, so lessons can make real HTTP requests while the
 * sandbox has no network: {@code http://127.0.0.1:8765}. Each worker has its own loopback, so each
 * serves its own copy.
 *
 * <pre>
 *   GET /api/users/{id}          {"id":1,"name":"Ada Lovelace","email":"ada@example.com"}
 *   GET /api/users               all users
 *   GET /api/users/{id}/posts    that user's posts
 *   ?delay=ms                    answer after this many milliseconds (default 100, at most 5000)
 * </pre>
 */
public final class DemoApi {
  static final int PORT = 8765;
  static final String THREAD_PREFIX = "demo-api-";
  private static final Pattern USER = Pattern.compile("/api/users/(\\d+)(/posts)?/?");

  private record User(int id, String name, String email) {
    String json() {
      return "{\"id\":%d,\"name\":\"%s\",\"email\":\"%s\"}".formatted(id, name, email);
    }
  }

  private static final List<User> USERS =
      List.of(
          new User(1, "Ada Lovelace", "ada@example.com"),
          new User(2, "Alan Turing", "alan@example.com"),
          new User(3, "Grace Hopper", "grace@example.com"),
          new User(4, "Edsger Dijkstra", "edsger@example.com"),
          new User(5, "Barbara Liskov", "barbara@example.com"));

  private DemoApi() {}

  private static volatile HttpServer running;

  /** Starts the API, or returns false when the port is taken (another worker outside a sandbox). */
  public static boolean start() {
    try {
      var server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), PORT), 64);
      // Named so the timeline can leave the API's own threads out.
      server.setExecutor(
          Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(THREAD_PREFIX, 0).factory()));
      server.createContext("/api/", DemoApi::handle);
      server.start();
      running = server;
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Stops it at once. A JVM that exits with the server still listening takes a third of a second
   * longer to go; every run's end would wait for that.
   */
  public static void stop() {
    HttpServer server = running;
    if (server != null) {
      server.stop(0);
    }
  }

  private static void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      URI uri = exchange.getRequestURI();
      sleep(delay(uri.getQuery()));
      String path = uri.getPath();
      Matcher m = USER.matcher(path);
      if (path.equals("/api/users") || path.equals("/api/users/")) {
        send(exchange, 200, "[" + String.join(",", USERS.stream().map(User::json).toList()) + "]");
      } else if (m.matches() && user(m.group(1)) != null) {
        User user = user(m.group(1));
        send(exchange, 200, m.group(2) == null ? user.json() : posts(user));
      } else {
        send(exchange, 404, "{\"error\":\"not found\"}");
      }
    }
  }

  private static User user(String id) {
    return USERS.stream().filter(u -> String.valueOf(u.id()).equals(id)).findFirst().orElse(null);
  }

  private static String posts(User user) {
    return "[{\"id\":%d,\"userId\":%d,\"title\":\"Notes on async\"},{\"id\":%d,\"userId\":%d,\"title\":\"Waiting well\"}]"
        .formatted(user.id() * 10 + 1, user.id(), user.id() * 10 + 2, user.id());
  }

  private static long delay(String query) {
    if (query != null) {
      for (String part : query.split("&")) {
        if (part.startsWith("delay=")) {
          try {
            return Math.clamp(Long.parseLong(part.substring(6)), 0, 5000);
          } catch (NumberFormatException e) {
            return 100;
          }
        }
      }
    }
    return 100;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void send(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }
}

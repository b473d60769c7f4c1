package dev.polyglot.playground.run.worker;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;

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

  private record User(long id, String name, String email) {
    String json() {
      var fields = new java.util.LinkedHashMap<String, Object>();
      fields.put("id", id);
      fields.put("name", name);
      fields.put("email", email);
      var out = new StringBuilder();
      Json.write(out, fields);
      return out.toString();
    }
  }

  /** The routes' data: demo-api.json, which the Python and JavaScript harnesses serve too. */
  private record Data(List<User> users, List<String> postTitles, long defaultDelay, long maxDelay) {
    static Data load() {
      try (var in = DemoApi.class.getResourceAsStream("demo-api.json")) {
        Map<String, Object> json =
            Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        List<User> users = new java.util.ArrayList<>();
        for (Object o : (List<?>) json.get("users")) {
          var u = (Map<?, ?>) o;
          users.add(
              new User(
                  ((Number) u.get("id")).longValue(),
                  (String) u.get("name"),
                  (String) u.get("email")));
        }
        List<String> titles = new java.util.ArrayList<>();
        for (Object title : (List<?>) json.get("postTitles")) {
          titles.add(String.valueOf(title));
        }
        var delay = (Map<?, ?>) json.get("delayMs");
        return new Data(
            List.copyOf(users),
            List.copyOf(titles),
            ((Number) delay.get("default")).longValue(),
            ((Number) delay.get("max")).longValue());
      } catch (IOException | Json.MalformedException e) {
        throw new IllegalStateException("demo-api.json is unreadable", e);
      }
    }
  }

  /**
   * Not read while the API starts: reading it opens the worker's jar, and a worker says ready only
   * once its API is up. {@link #preload} reads it beside the rest of a worker's set-up instead.
   */
  private static final class Loaded {
    static final Data DATA = Data.load();
  }

  /** Reads the routes' data now, so that the first request does not wait for it. */
  static void preload() {
    Objects.requireNonNull(Loaded.DATA);
  }

  private DemoApi() {}

  private static volatile HttpServer running;

  /** Starts the API, or returns false when the port is taken (another worker outside a sandbox). */
  public static boolean start() {
    try {
      var server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), PORT), 64);
      // Named so the timeline can leave the API's own threads out.
      server.setExecutor(new VirtualThreads());
      server.createContext(
          "/api/",
          new HttpHandler() {
            @Override
            public void handle(HttpExchange exchange) throws IOException {
              DemoApi.handle(exchange);
            }
          });
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

  /**
   * A virtual thread per request, without an executor service: the API never shuts it down, and the
   * JDK's thread-per-task executor spins classes at every worker's start (see the package).
   */
  private static final class VirtualThreads implements Executor {
    private final ThreadFactory threads = Thread.ofVirtual().name(THREAD_PREFIX, 0).factory();

    @Override
    public void execute(Runnable request) {
      threads.newThread(request).start();
    }
  }

  /**
   * {@code /api/users/{id}} or {@code /api/users/{id}/posts}, with or without a trailing slash;
   * parsed by hand, since a pattern spins classes at every worker's start (see the package).
   */
  record Route(String id, boolean posts) {
    private static final String USERS = "/api/users/";
    private static final String POSTS = "/posts";

    /** The route {@code path} names, or null. */
    static Route of(String path) {
      if (!path.startsWith(USERS)) {
        return null;
      }
      String rest = path.substring(USERS.length());
      if (rest.endsWith("/")) {
        rest = rest.substring(0, rest.length() - 1);
      }
      boolean posts = rest.endsWith(POSTS);
      if (posts) {
        rest = rest.substring(0, rest.length() - POSTS.length());
      }
      if (rest.isEmpty()) {
        return null;
      }
      for (int i = 0; i < rest.length(); i++) {
        if (rest.charAt(i) < '0' || rest.charAt(i) > '9') {
          return null;
        }
      }
      return new Route(rest, posts);
    }
  }

  private static void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      URI uri = exchange.getRequestURI();
      sleep(delay(uri.getQuery()));
      String path = uri.getPath();
      Route route = Route.of(path);
      if (path.equals("/api/users") || path.equals("/api/users/")) {
        var all = new StringJoiner(",", "[", "]");
        for (User user : Loaded.DATA.users()) {
          all.add(user.json());
        }
        send(exchange, 200, all.toString());
      } else if (route != null && user(route.id()) != null) {
        User user = user(route.id());
        send(exchange, 200, route.posts() ? posts(user) : user.json());
      } else {
        send(exchange, 404, "{\"error\":\"not found\"}");
      }
    }
  }

  private static User user(String id) {
    for (User user : Loaded.DATA.users()) {
      if (String.valueOf(user.id()).equals(id)) {
        return user;
      }
    }
    return null;
  }

  private static String posts(User user) {
    var posts = new java.util.ArrayList<Object>();
    for (int i = 0; i < Loaded.DATA.postTitles().size(); i++) {
      var post = new java.util.LinkedHashMap<String, Object>();
      post.put("id", user.id() * 10 + i + 1);
      post.put("userId", user.id());
      post.put("title", Loaded.DATA.postTitles().get(i));
      posts.add(post);
    }
    var out = new StringBuilder();
    Json.write(out, posts);
    return out.toString();
  }

  private static long delay(String query) {
    if (query != null) {
      for (String part : query.split("&")) {
        if (part.startsWith("delay=")) {
          try {
            return Math.clamp(Long.parseLong(part.substring(6)), 0, Loaded.DATA.maxDelay());
          } catch (NumberFormatException e) {
            return Loaded.DATA.defaultDelay();
          }
        }
      }
    }
    return Loaded.DATA.defaultDelay();
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

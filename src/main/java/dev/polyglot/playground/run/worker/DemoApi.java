package dev.polyglot.playground.run.worker;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;

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
   * Read on first use, not while the API starts: reading it opens the worker's jar. A pooled worker
   * reads it before it says ready ({@link #preload}); one started for a waiting run only if the run
   * asks the API.
   */
  private static final class Loaded {
    static final Data DATA = Data.load();
  }

  /** Reads the routes' data now, so that the first request does not wait for it. */
  static void preload() {
    Objects.requireNonNull(Loaded.DATA);
  }

  private DemoApi() {}

  private static volatile ServerSocket running;

  /** The connections being served, closed with the API. */
  private static final Set<Socket> OPEN = ConcurrentHashMap.newKeySet();

  /** Starts the API, or returns false when the port is taken (another worker outside a sandbox). */
  public static boolean start() {
    ServerSocket socket;
    try {
      socket = new ServerSocket(PORT, 64, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      return false;
    }
    running = socket;
    // Named so the timeline can leave the API's own threads out.
    Thread.ofPlatform().daemon().name(THREAD_PREFIX + "accept").start(new Acceptor(socket));
    return true;
  }

  /**
   * Stops it at once: the port and every connection close, so that no thread of the API is left
   * waiting in a system call. A JVM that exits with one there waits a third of a second for it, and
   * every run that used the API would end that much later.
   */
  public static void stop() {
    ServerSocket socket = running;
    if (socket != null) {
      close(socket);
      for (Socket connection : OPEN) {
        close(connection);
      }
    }
  }

  private static void close(java.io.Closeable socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // closing it is all that was wanted
    }
  }

  /**
   * Takes each connection and serves it on a thread of its own, so that many requests can wait out
   * their delays at once. Platform threads, not virtual ones: a virtual thread waiting on a socket
   * starts the JDK's pollers, which would show on the program's timeline and are never stopped.
   * Classes, not lambdas (see the package).
   */
  private static final class Acceptor implements Runnable {
    private final ServerSocket socket;
    private int count;

    Acceptor(ServerSocket socket) {
      this.socket = socket;
    }

    @Override
    public void run() {
      while (!socket.isClosed()) {
        Socket connection;
        try {
          connection = socket.accept();
        } catch (IOException e) {
          return; // stopped
        }
        OPEN.add(connection);
        try {
          Thread.ofPlatform()
              .daemon()
              .name(THREAD_PREFIX + count++)
              .start(new Connection(connection));
        } catch (OutOfMemoryError noThread) {
          // The program has used up the threads it may have: this request goes unanswered.
          OPEN.remove(connection);
          close(connection);
        }
      }
    }
  }

  private static final class Connection implements Runnable {
    private final Socket socket;

    Connection(Socket socket) {
      this.socket = socket;
    }

    @Override
    public void run() {
      try {
        DemoHttp.serve(
            socket,
            new DemoHttp.Routes() {
              @Override
              public DemoHttp.Answer answer(String target) {
                return DemoApi.answer(target);
              }
            });
      } finally {
        OPEN.remove(socket);
      }
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

  /** The answer to a request for {@code target}, after the delay it asks for. */
  static DemoHttp.Answer answer(String target) {
    URI uri;
    try {
      uri = new URI(target); // a path and query, or an absolute URI as a proxy would send
    } catch (URISyntaxException e) {
      return DemoHttp.Answer.BAD_REQUEST;
    }
    sleep(delay(uri.getQuery()));
    String path = uri.getPath() == null ? "" : uri.getPath();
    Route route = Route.of(path);
    if (path.equals("/api/users") || path.equals("/api/users/")) {
      var all = new StringJoiner(",", "[", "]");
      for (User user : Loaded.DATA.users()) {
        all.add(user.json());
      }
      return new DemoHttp.Answer(200, all.toString());
    }
    if (route != null && user(route.id()) != null) {
      User user = user(route.id());
      return new DemoHttp.Answer(200, route.posts() ? posts(user) : user.json());
    }
    return new DemoHttp.Answer(404, "{\"error\":\"not found\"}");
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
}

package dev.polyglot.playground.web;

import dev.polyglot.playground.content.Example;
import dev.polyglot.playground.content.Lesson;
import dev.polyglot.playground.render.Site;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code GET /oembed?url=...&format=json} (oEmbed 1.0, a "rich" response): lets a CMS turn the
 * address of a lesson example ({@code /lessons/{lesson}#{example}}) or of a widget ({@code
 * /embed/{lesson}/{example}}) into the widget's iframe. Only addresses on this server are answered,
 * so nobody can make the playground vouch for another site's frame.
 */
final class OEmbed {
  static final int WIDTH = 960;
  static final int HEIGHT = 560;

  private final Supplier<Site> site;
  private final String basePath;

  OEmbed(Supplier<Site> site, String basePath) {
    this.site = site;
    this.basePath = basePath;
  }

  /** A lesson and one of its examples, named by a page address. */
  record Target(Lesson lesson, Example example) {}

  void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    String format = Optional.ofNullable(request.getParam("format")).orElse("json");
    if (!format.equals("json")) {
      // oEmbed §2.3.4: an unsupported format is 501 Not Implemented.
      error(ctx, 501, "Only format=json is supported.");
      return;
    }
    String url = request.getParam("url");
    if (url == null || url.isBlank()) {
      error(ctx, 400, "Give the address of a lesson example: ?url=...");
      return;
    }
    URI uri;
    try {
      uri = URI.create(url.strip());
    } catch (IllegalArgumentException e) {
      error(ctx, 400, "That is not a valid address.");
      return;
    }
    if (uri.getHost() == null || !ours(uri, request)) {
      error(ctx, 404, "That address is not a page of this playground.");
      return;
    }
    Optional<Target> target = target(uri);
    if (target.isEmpty()) {
      error(ctx, 404, "That address names no lesson example here.");
      return;
    }
    int width = bounded(request.getParam("maxwidth"), WIDTH);
    int height = bounded(request.getParam("maxheight"), HEIGHT);
    String origin = uri.getScheme() + "://" + uri.getRawAuthority();
    Lesson lesson = target.get().lesson();
    Example example = target.get().example();
    String src = origin + basePath + "/embed/" + lesson.id() + "/" + example.id();
    String title = example.title() + " · " + lesson.title();
    String html =
        "<iframe src=\"%s\" width=\"%d\" height=\"%d\" title=\"%s\" loading=\"lazy\""
                .formatted(attribute(src), width, height, attribute(title))
            + " allow=\"clipboard-write\" style=\"border:0;max-width:100%\"></iframe>";
    var body =
        new JsonObject()
            .put("version", "1.0")
            .put("type", "rich")
            .put("title", title)
            .put("provider_name", site.get().course().title())
            .put("provider_url", origin + basePath + "/")
            .put("cache_age", 3600)
            .put("html", html)
            .put("width", width)
            .put("height", height);
    ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
        .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
        .end(body.encode());
  }

  /** The address is on the host this request came to (directly or through a proxy). */
  private static boolean ours(URI uri, HttpServerRequest request) {
    String authority = uri.getRawAuthority().toLowerCase(Locale.ROOT);
    String bare = uri.getHost().toLowerCase(Locale.ROOT);
    for (String header : new String[] {"X-Forwarded-Host", HttpHeaders.HOST.toString()}) {
      String value = request.getHeader(header);
      if (value != null) {
        String host = value.split(",")[0].strip().toLowerCase(Locale.ROOT);
        if (host.equals(authority) || host.equals(bare)) {
          return true;
        }
      }
    }
    return false;
  }

  private Optional<Target> target(URI uri) {
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (!path.startsWith(basePath + "/")) {
      return Optional.empty();
    }
    String[] parts = path.substring(basePath.length() + 1).split("/");
    if (parts.length == 2 && parts[0].equals("lessons")) {
      return find(parts[1], uri.getRawFragment());
    }
    if (parts.length == 3 && parts[0].equals("embed")) {
      return find(parts[1], parts[2]);
    }
    return Optional.empty();
  }

  /** A lesson's address without an example names its first example. */
  private Optional<Target> find(String lessonId, String exampleId) {
    return site.get()
        .course()
        .lesson(lessonId)
        .flatMap(lesson ->
            lesson.examples().stream()
                .filter(e -> exampleId == null || exampleId.isEmpty() || e.id().equals(exampleId))
                .findFirst()
                .map(e -> new Target(lesson, e)));
  }

  private static int bounded(String max, int preferred) {
    try {
      return max == null ? preferred : Math.max(200, Math.min(preferred, Integer.parseInt(max)));
    } catch (NumberFormatException e) {
      return preferred;
    }
  }

  private static String attribute(String text) {
    return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
  }

  private static void error(RoutingContext ctx, int status, String message) {
    ctx.response()
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
        .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
        .end(new JsonObject().put("error", message).encode());
  }
}

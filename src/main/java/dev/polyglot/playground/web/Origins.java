package dev.polyglot.playground.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Which web pages may open a WebSocket to this server. Browsers send {@code Origin} on every
 * WebSocket handshake but do not apply CORS to it, so without this check any site a reader visits
 * could start runs in their name (cross-site WebSocket hijacking).
 *
 * <p>A page of the site itself is always allowed: its origin names the host the request was sent to
 * ({@code Host}, or {@code X-Forwarded-Host} behind a proxy that rewrites it). Other origins must
 * be listed; {@code *} allows any. A request without {@code Origin} is not from a browser page, and
 * could forge one anyway, so it is let through.
 */
record Origins(List<String> allowed) {

  boolean allows(HttpServerRequest request) {
    String origin = request.getHeader(HttpHeaders.ORIGIN);
    if (origin == null) {
      return true;
    }
    String normalized = origin.strip().toLowerCase(Locale.ROOT);
    if (allowed.contains("*") || allowed.contains(normalized)) {
      return true;
    }
    String authority = authority(normalized);
    return authority != null
        && (authority.equals(lower(request.getHeader(HttpHeaders.HOST)))
            || authority.equals(lower(request.getHeader("X-Forwarded-Host"))));
  }

  /** "https://example.org" → "example.org"; a default port is left out, as browsers send Host. */
  private static String authority(String origin) {
    try {
      URI uri = URI.create(origin);
      if (uri.getHost() == null || uri.getRawPath() != null && !uri.getRawPath().isEmpty()) {
        return null;
      }
      int port = uri.getPort();
      boolean defaultPort =
          port == -1
              || port == 80 && "http".equals(uri.getScheme())
              || port == 443 && "https".equals(uri.getScheme());
      return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String lower(String header) {
    if (header == null) {
      return null;
    }
    // A proxy chain may list several hosts; the first is the one the browser used.
    int comma = header.indexOf(',');
    return (comma < 0 ? header : header.substring(0, comma)).strip().toLowerCase(Locale.ROOT);
  }
}

package dev.polyglot.playground.web;

import dev.polyglot.playground.render.Page;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Sends a pre-rendered {@link Page}: conditional requests answered with 304, gzip bytes when the
 * client takes them (compressed once, at render time), and the security headers every page carries.
 */
final class Pages {
  /** Scripts and styles only from this site; the course site itself is never framed. */
  static final String CSP =
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
          + "connect-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  // Pre-encoded once: these go out on every response.
  private static final CharSequence NO_CACHE = HttpHeaders.createOptimized("no-cache");
  private static final CharSequence ACCEPT_ENCODING =
      HttpHeaders.createOptimized("Accept-Encoding");
  private static final CharSequence NOSNIFF_NAME =
      HttpHeaders.createOptimized("X-Content-Type-Options");
  private static final CharSequence NOSNIFF = HttpHeaders.createOptimized("nosniff");
  private static final CharSequence CSP_NAME =
      HttpHeaders.createOptimized("Content-Security-Policy");

  /** The policy of every page but the widgets: no framing at all. */
  static final CharSequence CSP_VALUE = HttpHeaders.createOptimized(CSP);

  private static final CharSequence REFERRER_NAME = HttpHeaders.createOptimized("Referrer-Policy");
  private static final CharSequence REFERRER =
      HttpHeaders.createOptimized("strict-origin-when-cross-origin");
  private static final CharSequence ANY = HttpHeaders.createOptimized("*");
  private static final CharSequence GZIP = HttpHeaders.createOptimized("gzip");

  private Pages() {}

  /**
   * The policy for widget pages: the same, except that the site itself and the allowed origins may
   * frame them ({@code *} in the list lets any site).
   */
  static CharSequence embedCsp(List<String> allowedOrigins) {
    String ancestors =
        allowedOrigins.contains("*") ? "*" : String.join(" ", allowedOrigins).strip();
    String policy =
        CSP.replace(
            "frame-ancestors 'none'",
            "frame-ancestors " + (ancestors.equals("*") ? "*" : ("'self' " + ancestors).strip()));
    return HttpHeaders.createOptimized(policy);
  }

  static void send(RoutingContext ctx, Page page) {
    send(ctx, page, CSP_VALUE);
  }

  static void send(RoutingContext ctx, Page page, CharSequence csp) {
    HttpServerRequest request = ctx.request();
    var response = ctx.response();
    MultiMap headers = response.headers();
    headers
        .set(HttpHeaders.CONTENT_TYPE, page.contentType())
        .set(HttpHeaders.ETAG, page.etag())
        .set(HttpHeaders.LAST_MODIFIED, page.lastModifiedHeader())
        .set(HttpHeaders.CACHE_CONTROL, NO_CACHE)
        .set(HttpHeaders.VARY, ACCEPT_ENCODING)
        .set(NOSNIFF_NAME, NOSNIFF);
    if (page.contentType().equals(Page.HTML)) {
      headers.set(CSP_NAME, csp).set(REFERRER_NAME, REFERRER);
    } else {
      headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ANY);
    }
    if (page.status() == 200 && notModified(request, page)) {
      response.setStatusCode(304).end();
      return;
    }
    boolean gzip = acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
    // Naming the encoding also stops Vert.x from compressing the body a second time.
    headers.set(HttpHeaders.CONTENT_ENCODING, gzip ? GZIP : HttpHeaders.IDENTITY);
    response.setStatusCode(page.status()).end(gzip ? page.gzipped() : page.body());
  }

  private static boolean notModified(HttpServerRequest request, Page page) {
    String match = request.getHeader(HttpHeaders.IF_NONE_MATCH);
    if (match != null) {
      // If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2).
      for (String tag : match.split(",")) {
        String t = tag.strip();
        if (t.equals("*") || t.equals(page.etag()) || t.equals("W/" + page.etag())) {
          return true;
        }
      }
      return false;
    }
    String since = request.getHeader(HttpHeaders.IF_MODIFIED_SINCE);
    if (since == null) {
      return false;
    }
    try {
      var date = ZonedDateTime.parse(since, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return !page.lastModified().isAfter(date);
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  static boolean acceptsGzip(String acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    for (String part : acceptEncoding.split(",")) {
      String[] codingAndParams = part.strip().split(";");
      if (codingAndParams[0].strip().equalsIgnoreCase("gzip")) {
        return codingAndParams.length == 1
            || !codingAndParams[1].replace(" ", "").matches("q=0(\\.0*)?");
      }
    }
    return false;
  }
}

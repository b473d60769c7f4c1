package dev.polyglot.playground.web;

import dev.polyglot.playground.render.Page;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Sends a pre-rendered {@link Page}: conditional requests answered with 304, gzip bytes when the
 * client takes them (compressed once, at render time), and the security headers every page carries.
 */
final class Pages {
  /** Scripts and styles only from this site; the course site itself is never framed. */
  static final String CSP =
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
          + "connect-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  private Pages() {}

  static void send(RoutingContext ctx, Page page) {
    HttpServerRequest request = ctx.request();
    var response = ctx.response();
    MultiMap headers = response.headers();
    headers
        .set(HttpHeaders.CONTENT_TYPE, page.contentType())
        .set(HttpHeaders.ETAG, page.etag())
        .set(HttpHeaders.LAST_MODIFIED, page.lastModifiedHeader())
        .set(HttpHeaders.CACHE_CONTROL, "no-cache")
        .set(HttpHeaders.VARY, "Accept-Encoding")
        .set("X-Content-Type-Options", "nosniff");
    if (page.contentType().equals(Page.HTML)) {
      headers
          .set("Content-Security-Policy", CSP)
          .set("Referrer-Policy", "strict-origin-when-cross-origin");
    } else {
      headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
    }
    if (page.status() == 200 && notModified(request, page)) {
      response.setStatusCode(304).end();
      return;
    }
    boolean gzip = acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
    // Naming the encoding also stops Vert.x from compressing the body a second time.
    headers.set(HttpHeaders.CONTENT_ENCODING, gzip ? "gzip" : HttpHeaders.IDENTITY);
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

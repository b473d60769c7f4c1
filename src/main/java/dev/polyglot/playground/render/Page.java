package dev.polyglot.playground.render;

import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

/**
 * A finished response body, rendered once and served many times: the bytes, the same bytes gzipped,
 * a strong ETag over the content, and a Last-Modified time (whole seconds, as HTTP dates carry no
 * more), pre-formatted for the header.
 */
public record Page(
    int status,
    String contentType,
    Buffer body,
    Buffer gzipped,
    String etag,
    Instant lastModified,
    String lastModifiedHeader) {

  public static final String HTML = "text/html; charset=utf-8";
  public static final String JSON = "application/json; charset=utf-8";

  public static Page of(int status, String contentType, String text, Instant lastModified) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    Instant seconds = lastModified.truncatedTo(ChronoUnit.SECONDS);
    return new Page(
        status,
        contentType,
        direct(bytes),
        direct(gzip(bytes)),
        etag(bytes),
        seconds,
        DateTimeFormatter.RFC_1123_DATE_TIME.format(seconds.atZone(ZoneOffset.UTC)));
  }

  /**
   * Off-heap, so each response goes to the socket without first being copied out of the heap. The
   * JDK frees it when the page is garbage (dev mode replaces pages); Vert.x writes a read-only
   * slice per response, so one buffer serves all event loops at once.
   */
  private static Buffer direct(byte[] bytes) {
    ByteBuffer buffer = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
    return BufferInternal.buffer(Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(buffer)));
  }

  private static String etag(byte[] bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return "\""
          + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22)
          + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static byte[] gzip(byte[] bytes) {
    var out = new ByteArrayOutputStream(bytes.length / 3 + 64);
    try (var gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}

package dev.polyglot.playground.run.worker;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The HTTP/1.1 side of the {@link DemoApi}: one connection, request after request, on the thread
 * that calls {@link #serve}. It is what the API needs and no more: any method gets the route's
 * answer (a HEAD without its body), request bodies (sized or chunked) are read and dropped,
 * connections are kept alive as HTTP/1.1 and 1.0 say, and an upgrade (HTTP/2 over cleartext, which
 * the JDK's client asks for) is declined by answering in HTTP/1.1.
 *
 * <p>Written here rather than taken from {@code jdk.httpserver}: that server took every worker
 * 15-20 ms of CPU to start (its provider lookup, a selector, a dispatcher and a timer thread),
 * which a run started for a waiting reader waited for.
 */
final class DemoHttp {
  /** What the API answers to one request. */
  record Answer(int status, String json) {
    /** A request this server, or the API, cannot read. */
    static final Answer BAD_REQUEST = new Answer(400, "{\"error\":\"bad request\"}");
  }

  /** Answers a request for {@code target} (its path and query, as sent). */
  interface Routes {
    Answer answer(String target);
  }

  /** The longest request or header line read; a longer one ends the connection with a 400. */
  static final int MAX_LINE = 8192;

  /** The most header lines one request may have. */
  static final int MAX_HEADERS = 100;

  /** How long a connection that sent garbage is read from before it is closed. */
  static final int LINGER_MS = 1_000;

  /** A connection left idle this long is closed. */
  static final int IDLE_MS = 60_000;

  private DemoHttp() {}

  /** Serves {@code socket} until the client closes it, asks to, or sends what is not HTTP. */
  static void serve(Socket socket, Routes routes) {
    try (socket) {
      socket.setSoTimeout(IDLE_MS);
      socket.setTcpNoDelay(true);
      var in = new java.io.BufferedInputStream(socket.getInputStream());
      var out = new java.io.BufferedOutputStream(socket.getOutputStream());
      while (true) {
        Request request;
        try {
          request = Request.read(in, out);
        } catch (BadRequestException e) {
          write(out, Answer.BAD_REQUEST, false, false);
          lingeringClose(socket, in);
          return;
        }
        if (request == null) {
          return; // the client closed the connection between requests
        }
        write(out, routes.answer(request.target()), request.head(), request.keepAlive());
        if (!request.keepAlive()) {
          return;
        }
      }
    } catch (IOException e) {
      // The client went away, or stayed idle too long: nothing to answer.
    }
  }

  /**
   * Reads and drops what the client still sends before closing: closing with unread input would
   * reset the connection, and the client could lose the answer it was sent.
   */
  private static void lingeringClose(Socket socket, InputStream in) throws IOException {
    socket.shutdownOutput();
    socket.setSoTimeout(LINGER_MS);
    skip(in, 1 << 20);
  }

  /** One request's line and the headers that matter here; its body has been read and dropped. */
  record Request(String target, boolean head, boolean keepAlive) {
    /** The next request, or null if the connection ends before one starts. */
    static Request read(InputStream in, OutputStream out) throws IOException {
      String line = line(in, true);
      if (line == null) {
        return null;
      }
      String[] parts = line.split(" ");
      if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
        throw new BadRequestException();
      }
      boolean http10 = parts[2].equals("HTTP/1.0");
      long length = 0;
      boolean chunked = false;
      boolean expectContinue = false;
      String connection = "";
      for (int n = 0; ; n++) {
        String header = line(in, false);
        if (header.isEmpty()) {
          break;
        }
        int colon = header.indexOf(':');
        if (colon <= 0 || n >= MAX_HEADERS) {
          throw new BadRequestException();
        }
        String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = header.substring(colon + 1).trim();
        switch (name) {
          case "content-length" -> length = contentLength(value);
          case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).endsWith("chunked");
          case "expect" -> expectContinue = value.equalsIgnoreCase("100-continue");
          case "connection" -> connection = value.toLowerCase(Locale.ROOT);
          default -> {}
        }
      }
      if (expectContinue && (chunked || length > 0)) {
        out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
      }
      if (chunked) {
        skipChunks(in);
      } else {
        skip(in, length);
      }
      boolean keepAlive =
          http10 ? connection.contains("keep-alive") : !connection.contains("close");
      return new Request(parts[1], parts[0].equals("HEAD"), keepAlive);
    }
  }

  /** The request was not HTTP as this server reads it. */
  static final class BadRequestException extends IOException {
    private static final long serialVersionUID = 1L;
  }

  private static void write(OutputStream out, Answer answer, boolean head, boolean keepAlive)
      throws IOException {
    byte[] body = answer.json().getBytes(StandardCharsets.UTF_8);
    var status =
        switch (answer.status()) {
          case 200 -> "200 OK";
          case 400 -> "400 Bad Request";
          default -> "404 Not Found";
        };
    String headers =
        "HTTP/1.1 "
            + status
            + "\r\nContent-Type: application/json\r\nContent-Length: "
            + body.length
            + (keepAlive ? "" : "\r\nConnection: close")
            + "\r\n\r\n";
    out.write(headers.getBytes(StandardCharsets.ISO_8859_1));
    if (!head) {
      out.write(body);
    }
    out.flush();
  }

  /**
   * A line without its CRLF (or bare LF). At the start of a request, null if the stream ends first;
   * the blank lines a client may send between requests are skipped there.
   */
  private static String line(InputStream in, boolean requestLine) throws IOException {
    var line = new StringBuilder();
    while (true) {
      int c = in.read();
      if (c < 0) {
        if (requestLine && line.isEmpty()) {
          return null;
        }
        throw new EOFException();
      }
      if (c == '\n') {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
          line.setLength(end - 1);
        }
        if (requestLine && line.isEmpty()) {
          continue;
        }
        return line.toString();
      }
      if (line.length() >= MAX_LINE) {
        throw new BadRequestException();
      }
      line.append((char) c);
    }
  }

  private static long contentLength(String value) throws BadRequestException {
    try {
      long length = Long.parseLong(value);
      if (length < 0) {
        throw new BadRequestException();
      }
      return length;
    } catch (NumberFormatException e) {
      throw new BadRequestException();
    }
  }

  private static void skip(InputStream in, long n) throws IOException {
    for (long left = n; left > 0; ) {
      long skipped = in.skip(left);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new EOFException();
        }
        skipped = 1;
      }
      left -= skipped;
    }
  }

  /** A chunked body: sizes in hex, each chunk's data and CRLF, a zero size, trailers, CRLF. */
  private static void skipChunks(InputStream in) throws IOException {
    while (true) {
      String size = line(in, false);
      int semicolon = size.indexOf(';');
      long n;
      try {
        n = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
      } catch (NumberFormatException e) {
        throw new BadRequestException();
      }
      if (n < 0) {
        throw new BadRequestException();
      }
      if (n == 0) {
        while (!line(in, false).isEmpty()) {
          // trailers
        }
        return;
      }
      skip(in, n);
      line(in, false); // the CRLF after the chunk's data
    }
  }
}

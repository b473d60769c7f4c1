// A minimal WebSocket client for the benches (bench/SocketBench.java, bench/RunBench.java), which
// the JDK's source launcher compiles beside them. Plain sockets, not java.net.http's WebSocket:
// that one costs far more per connection on the client side than the server side the benches
// measure, and hands each message on between its own threads before a bench could time it.

import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A minimal RFC 6455 client: the handshake, masked frames out, unmasked frames in. */
final class Ws implements AutoCloseable {
  static final int TEXT = 0x1, CLOSE = 0x8, PING = 0x9, PONG = 0xA;
  static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
  private static final Pattern TYPE = Pattern.compile("\"type\":\"([a-z-]+)\"");
  private static final Pattern CODE = Pattern.compile("\"code\":(-?\\d+)");

  /**
   * When a run's events arrived, in ms from sending its run message (-1: never), and how it
   * ended: {@code last} is its exit or error event, {@code code} the exit code (-999 for an error).
   */
  record Arrivals(double first, double started, double firstStdout, double end, String last, int code) {}

  record Frame(int opcode, byte[] payload) {
    String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }
  }

  private final SocketChannel channel;
  private ByteBuffer in = ByteBuffer.allocate(256).flip(); // kept flipped: the unread bytes

  private Ws(SocketChannel channel) {
    this.channel = channel;
  }

  static Ws connect(int port) throws IOException {
    var channel = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    var ws = new Ws(channel);
    try {
      ws.handshake(port);
      return ws;
    } catch (IOException | RuntimeException e) {
      ws.close();
      throw e;
    }
  }

  private void handshake(int port) throws IOException {
    byte[] nonce = new byte[16];
    ThreadLocalRandom.current().nextBytes(nonce);
    String key = Base64.getEncoder().encodeToString(nonce);
    String request = "GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
    write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
    int end;
    while ((end = headerEnd()) < 0) {
      if (fill(in.remaining() + 256) < 0) throw new EOFException("closed during the handshake");
    }
    byte[] header = new byte[end - in.position()];
    in.get(header);
    String response = new String(header, StandardCharsets.ISO_8859_1);
    if (!response.startsWith("HTTP/1.1 101")) throw new IOException("handshake refused: " + response.lines().findFirst().orElse(""));
    String accept;
    try {
      accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    if (!response.toLowerCase(Locale.ROOT).contains("sec-websocket-accept: " + accept.toLowerCase(Locale.ROOT))) {
      throw new IOException("wrong Sec-WebSocket-Accept in: " + response);
    }
  }

  /** The index just past the blank line that ends the response headers, or -1. */
  private int headerEnd() {
    for (int i = in.position(); i + 3 < in.limit(); i++) {
      if (in.get(i) == '\r' && in.get(i + 1) == '\n' && in.get(i + 2) == '\r' && in.get(i + 3) == '\n') return i + 4;
    }
    return -1;
  }

  /** The next whole frame, blocking; null at the end of the stream. */
  Frame next() throws IOException {
    while (true) {
      int p = in.position(), available = in.remaining();
      if (available >= 2) {
        int b0 = in.get(p) & 0xff, len7 = in.get(p + 1) & 0x7f; // frames from a server are not masked
        int header = len7 == 126 ? 4 : len7 == 127 ? 10 : 2;
        if (available >= header) {
          long len = len7 == 126 ? in.getShort(p + 2) & 0xffff : len7 == 127 ? in.getLong(p + 2) : len7;
          if (available >= header + len) {
            byte[] payload = new byte[(int) len];
            in.position(p + header).get(payload);
            return new Frame(b0 & 0x0f, payload);
          }
          if (fill((int) (header + len)) < 0) return null;
          continue;
        }
      }
      if (fill(16) < 0) return null;
    }
  }

  /** Reads more, first making room for a frame of `need` bytes; -1 at the end of the stream. */
  private int fill(int need) throws IOException {
    if (in.capacity() < need) in = ByteBuffer.allocate(need).put(in).flip();
    in.compact();
    int n = channel.read(in);
    in.flip();
    return n;
  }

  /**
   * Sends a run message whose id is {@code id} and reads until that run's exit or error, skipping
   * other runs' events and answering pings, as a browser does.
   */
  Arrivals run(String id, String message) throws IOException {
    long t0 = System.nanoTime();
    sendText(message);
    double first = -1, started = -1, stdout = -1;
    while (true) {
      var frame = next();
      if (frame == null) throw new IOException("the server closed the socket during run " + id);
      double now = (System.nanoTime() - t0) / 1e6;
      if (frame.opcode() == PING) send(PONG, frame.payload());
      if (frame.opcode() != TEXT || !frame.text().contains("\"id\":\"" + id + "\"")) continue;
      String text = frame.text();
      if (first < 0) first = now;
      Matcher t = TYPE.matcher(text);
      switch (t.find() ? t.group(1) : "") {
        case "started" -> started = now;
        case "stdout" -> { if (stdout < 0) stdout = now; }
        case "exit", "error" -> {
          Matcher c = CODE.matcher(text);
          return new Arrivals(first, started, stdout, now, text, c.find() ? Integer.parseInt(c.group(1)) : -999);
        }
        default -> {}
      }
    }
  }

  void sendText(String text) throws IOException {
    send(TEXT, text.getBytes(StandardCharsets.UTF_8));
  }

  /** One masked frame: a client must mask everything it sends. */
  synchronized void send(int opcode, byte[] payload) throws IOException {
    var frame = ByteBuffer.allocate(14 + payload.length);
    frame.put((byte) (0x80 | opcode));
    if (payload.length < 126) {
      frame.put((byte) (0x80 | payload.length));
    } else if (payload.length < 65536) {
      frame.put((byte) (0x80 | 126)).putShort((short) payload.length);
    } else {
      frame.put((byte) (0x80 | 127)).putLong(payload.length);
    }
    byte[] mask = new byte[4];
    ThreadLocalRandom.current().nextBytes(mask);
    frame.put(mask);
    for (int i = 0; i < payload.length; i++) frame.put((byte) (payload[i] ^ mask[i & 3]));
    write(frame.flip());
  }

  private void write(ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) channel.write(buffer);
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException ignored) {
      // Closing anyway.
    }
  }
}

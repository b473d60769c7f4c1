package dev.polyglot.playground.web;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP server on one event loop. The playground deploys one instance per event loop on the same
 * port; Vert.x spreads connections across them.
 */
public final class HttpVerticle extends VerticleBase {
  private final Routes.Services services;
  private final String host;
  private final int port;
  private final Future<?> pages;
  private HttpServer server;

  /**
   * @param pages completes when there are pages to serve: the server is made before that, beside
   *     the render, and listens after it
   */
  public HttpVerticle(Routes.Services services, String host, int port, Future<?> pages) {
    this.services = services;
    this.host = host;
    this.port = port;
    this.pages = pages;
  }

  @Override
  public Future<HttpServer> start() {
    int maxMessage = services.maxRequestBytes();
    ConnectionGuard guard = services.connections();
    var options =
        new HttpServerOptions()
            .setCompressionSupported(true)
            .setTcpFastOpen(true)
            .setMaxWebSocketFrameSize(maxMessage)
            .setMaxWebSocketMessageSize(maxMessage)
            // A deflate context costs some 300 KiB per socket for as long as it stays open, and
            // run events are short lines: readers get more from many cheap idle sockets.
            .setPerMessageWebSocketCompressionSupported(false)
            .setPerFrameWebSocketCompressionSupported(false)
            // Without h2c the server knows the protocol at once, so a connection is seen (and its
            // header deadline starts) when it opens, not when its first bytes arrive.
            .setHttp2ClearTextEnabled(false)
            // Everything a connection writes is written on its own event loop (pages, streams,
            // run events: the Runner contract), so it needs no queue for writes from other
            // threads, which Netty sizes at 1,024 slots: 4 KiB of every idle socket.
            .setStrictThreadMode(true)
            .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
            .setIdleTimeout((int) guard.settings().idleTimeout().toMillis());
    var guarded = guard.on(vertx, Routes.create(vertx, services));
    server =
        vertx
            .createHttpServer(options)
            .connectionHandler(guarded::opened)
            .requestHandler(guarded::request);
    // On this verticle's own event loop, whichever thread completed the render: a server serves
    // its connections on the context it listened from.
    Promise<HttpServer> listening = Promise.promise();
    pages.onComplete(rendered ->
        context.runOnContext(v -> {
          if (rendered.succeeded()) {
            server.listen(port, host).onComplete(listening);
          } else {
            listening.fail(rendered.cause());
          }
        }));
    return listening.future();
  }

  public int actualPort() {
    return server.actualPort();
  }
}

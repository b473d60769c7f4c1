package dev.polyglot.playground;

import dev.polyglot.playground.run.FakeRunner;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.concurrent.TimeUnit;

/**
 * A real playground on a free loopback port, started through the same wiring function as {@code
 * main}, plus a client pointed at it.
 */
public record TestServer(Playground playground, WebClient client) implements AutoCloseable {

  /** With a {@link FakeRunner} that prints two lines: enough for everything but real runs. */
  public static TestServer start(Config config) {
    return start(
        config,
        (vertx, c) ->
            Future.succeededFuture(new FakeRunner(vertx, r -> FakeRunner.lines(r, 2, 50))));
  }

  /** With real sandboxed child JVMs, working in a scratch folder of their own. */
  public static TestServer startWithJvm(Config config) {
    return start(config, Playground::jvmRunner);
  }

  public static TestServer start(Config config, Playground.RunnerFactory runners) {
    try {
      Playground playground =
          Playground.start(config.withPort(0).withHost("127.0.0.1"), runners)
              .toCompletionStage()
              .toCompletableFuture()
              .get(60, TimeUnit.SECONDS);
      var options =
          new WebClientOptions()
              .setDefaultHost("127.0.0.1")
              .setDefaultPort(playground.port())
              .setFollowRedirects(false);
      return new TestServer(playground, WebClient.create(playground.vertx(), options));
    } catch (Exception e) {
      throw new IllegalStateException("server did not start", e);
    }
  }

  public HttpRequest<Buffer> get(String path) {
    return client.get(path);
  }

  public String url(String path) {
    return "http://127.0.0.1:" + playground.port() + path;
  }

  @Override
  public void close() throws Exception {
    client.close();
    playground.closeAndWait();
  }
}

import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

void main() {
    Vertx vertx = Vertx.vertx();
    Context eventLoop = vertx.getOrCreateContext(); // one thread runs all of its handlers
    Promise<String> report = Promise.promise();
    eventLoop.runOnContext(v -> {
        int[] ticks = {0};
        long heartbeat = vertx.setPeriodic(300, id -> ticks[0]++); // on the same event loop
        long start = System.nanoTime();
        vertx.executeBlocking(() -> { // runs on a worker thread, like asyncio.to_thread
            Thread.sleep(1000); // a blocking call, like a JDBC query
            return null;
        }).onComplete(done -> { // back on the event loop
            vertx.cancelTimer(heartbeat);
            report.complete("%-26s took %s s, heartbeat ticked %d times"
                    .formatted("executeBlocking(sleep)", secondsSince(start), ticks[0]));
        });
    });
    IO.println(report.future().await()); // main is not a Vert.x thread, so it may block
    vertx.close().await();
}

double secondsSince(long start) { // rounded to one decimal
    return Math.round((System.nanoTime() - start) / 1e8) / 10.0;
}

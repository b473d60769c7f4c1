import io.vertx.core.Future;
import io.vertx.core.Vertx;

long start;

double seconds(long nanoTime) { // seconds since start, one decimal
    return Math.round((nanoTime - start) / 1e8) / 10.0;
}

// Five ticks, each 0.2 s after the previous one: timer callbacks on the event loop.
Future<Void> ticker(Vertx vertx, int i, long last) {
    return vertx.timer(200).compose(v -> {
        long t = System.nanoTime();
        String late = t - last > 300_000_000L ? " (due at " + seconds(last + 200_000_000L) + " s)" : "";
        IO.println("tick " + i + " at " + seconds(t) + " s" + late);
        return i < 5 ? ticker(vertx, i + 1, t) : Future.succeededFuture();
    });
}

Future<Void> cpuStep(Vertx vertx) {
    return vertx.timer(300).onSuccess(v -> {
        IO.println("cpu: 0.6 s of computation starts at " + seconds(System.nanoTime()) + " s");
        long end = System.nanoTime() + 600_000_000L;
        while (System.nanoTime() < end) { } // stands in for computing, right on the event loop
        IO.println("cpu: done at " + seconds(System.nanoTime()) + " s");
    });
}

void main() {
    Vertx vertx = Vertx.vertx();
    var context = vertx.getOrCreateContext(); // one context: every callback runs on its one event-loop thread
    start = System.nanoTime();
    Future<Void> done = Future.future(promise -> context.runOnContext(v ->
            Future.all(ticker(vertx, 1, start), cpuStep(vertx)).<Void>mapEmpty().onComplete(promise)));
    done.await(); // main is a plain thread, not the event loop, so it may block
    vertx.close().await();
}

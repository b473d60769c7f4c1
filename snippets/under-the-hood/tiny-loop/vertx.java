import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

long start;
Thread loopThread;

String now() { // seconds since start, one decimal
    return Math.round((System.nanoTime() - start) / 1e8) / 10.0 + " s";
}

// vertx.timer() returns a Vert.x Future; its callbacks run on the event-loop
// thread of the context that created it.
Future<Void> job(Vertx vertx, String name, long ms) {
    IO.println(name + ": start at " + now());
    return vertx.timer(ms).onSuccess(v -> IO.println(name + ": done at " + now()
            + ", on the loop thread: " + (Thread.currentThread() == loopThread)));
}

void main() {
    Vertx vertx = Vertx.vertx();
    Context context = vertx.getOrCreateContext(); // bound to one event-loop thread
    start = System.nanoTime();
    Future<Void> all = Future.future(promise -> context.runOnContext(v -> {
        loopThread = Thread.currentThread();
        Future.all(job(vertx, "A", 300), job(vertx, "B", 100), job(vertx, "C", 200))
                .<Void>mapEmpty()
                .onComplete(promise);
    }));
    all.await(); // main is a plain thread, not the event loop, so it may block
    IO.println("loop: finished at " + now());
    vertx.close().await();
}

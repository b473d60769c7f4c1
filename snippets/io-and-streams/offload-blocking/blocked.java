import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;

final Map<Integer, String> NAMES = Map.of(1, "Ada Lovelace", 2, "Alan Turing");

// A synchronous library call, e.g. a JDBC driver: it blocks its thread for 0.5 s.
String legacyLookup(int id) {
    try {
        Thread.sleep(500);
    } catch (InterruptedException e) {
        throw new IllegalStateException(e);
    }
    return NAMES.get(id);
}

class Lookups extends VerticleBase {
    // Looks async, but the blocking call runs right here, on the event loop.
    Future<String> lookup(int id) {
        return Future.succeededFuture(legacyLookup(id));
    }

    @Override
    public Future<?> start() { // Vert.x calls start() on an event-loop thread
        long start = System.nanoTime();
        return Future.all(lookup(1), lookup(2)).onSuccess(all ->
                IO.println("blocking: " + String.join(", ", all.<String>list()) + " (took " + secondsSince(start) + " s)"));
    }
}

void main() {
    Vertx vertx = Vertx.vertx();
    try {
        vertx.deployVerticle(new Lookups()).await();
    } finally {
        vertx.close().await(); // its event-loop threads would keep the JVM alive
    }
}

double secondsSince(long start) { // rounded to one decimal
    return Math.round((System.nanoTime() - start) / 1e8) / 10.0;
}

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

void main() {
    // Vert.x logs a warning (on stderr) when an event-loop thread is busy for too long.
    // The defaults are 2 s, checked every second, with a stack trace after 5 s; these
    // settings report this 1 s block, with a stack trace that points at sleep(1000).
    Vertx vertx = Vertx.vertx(new VertxOptions()
            .setMaxEventLoopExecuteTime(500).setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
            .setWarningExceptionTime(500).setWarningExceptionTimeUnit(TimeUnit.MILLISECONDS)
            .setBlockedThreadCheckInterval(100));
    try {
        Promise<Void> timerFired = Promise.promise();
        vertx.runOnContext(v -> { // runs on an event-loop thread, like a request handler
            long start = System.nanoTime();
            vertx.setTimer(100, id -> { // a timer, due in 0.1 s
                IO.println("Thread.sleep: timer due at 0.1 s ran at " + secondsSince(start) + " s");
                timerFired.complete();
            });
            sleep(1000); // wrong: holds the event loop, so the timer cannot run
        });
        timerFired.future().await();
    } finally {
        vertx.close().await(); // its event-loop threads would keep the JVM alive
    }
}

void sleep(long millis) { // a blocking call, like a JDBC query
    try {
        Thread.sleep(millis);
    } catch (InterruptedException e) {
        throw new IllegalStateException(e);
    }
}

double secondsSince(long start) { // rounded to one decimal
    return Math.round((System.nanoTime() - start) / 1e8) / 10.0;
}

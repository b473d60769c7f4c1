import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

void main() {
    // The same blocked-thread checker settings as the blocking version: here it stays quiet.
    Vertx vertx = Vertx.vertx(new VertxOptions()
            .setMaxEventLoopExecuteTime(500).setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
            .setWarningExceptionTime(500).setWarningExceptionTimeUnit(TimeUnit.MILLISECONDS)
            .setBlockedThreadCheckInterval(100));
    try {
        Promise<Void> timerFired = Promise.promise();
        Promise<Void> workDone = Promise.promise();
        vertx.runOnContext(v -> { // runs on an event-loop thread, like a request handler
            long start = System.nanoTime();
            vertx.setTimer(100, id -> { // a timer, due in 0.1 s
                IO.println("executeBlocking: timer due at 0.1 s ran at " + secondsSince(start) + " s");
                timerFired.complete();
            });
            // The blocking call moves to a worker thread; the event loop stays free.
            vertx.<Void>executeBlocking(() -> {
                sleep(1000);
                return null;
            }).onComplete(workDone);
        });
        Future.all(timerFired.future(), workDone.future()).await();
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

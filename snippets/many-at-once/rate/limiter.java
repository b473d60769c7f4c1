// Lets calls start at most perSecond times a second, evenly spaced.
class RateLimiter {
    private final long intervalNanos;
    private long nextStart = System.nanoTime(); // the time at which the next call may start

    RateLimiter(int perSecond) {
        intervalNanos = 1_000_000_000L / perSecond;
    }

    void acquire() throws InterruptedException {
        long start;
        synchronized (this) { // virtual threads call this at the same time
            long now = System.nanoTime();
            start = Math.max(now, nextStart);
            nextStart = start + intervalNanos;
        }
        long wait = start - System.nanoTime();
        if (wait > 0) Thread.sleep(Duration.ofNanos(wait)); // parks the virtual thread
    }
}

final AtomicInteger running = new AtomicInteger(); // calls running right now

void call(RateLimiter limiter, long start) throws InterruptedException {
    limiter.acquire();
    IO.println("call started at " + secondsSince(start) + " s, " + running.incrementAndGet() + " running");
    Thread.sleep(500); // the call itself takes half a second
    running.decrementAndGet();
}

void main() {
    var limiter = new RateLimiter(5);
    long start = System.nanoTime();
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
        for (int i = 0; i < 5; i++) {
            executor.submit(() -> {
                call(limiter, start);
                return null; // a Callable, so the lambda may throw InterruptedException
            });
        }
    } // close() waits for all five
    IO.println("5 calls at 5 per second took " + secondsSince(start) + " s");
}

double secondsSince(long start) { // rounded to one decimal
    return Math.round((System.nanoTime() - start) / 1e8) / 10.0;
}

final AtomicInteger running = new AtomicInteger(); // jobs running right now
final AtomicInteger peak = new AtomicInteger(); // the most that ever ran at once

void job() throws InterruptedException {
    peak.accumulateAndGet(running.incrementAndGet(), Math::max);
    Thread.sleep(500); // one slow call
    running.decrementAndGet();
}

void main() {
    long start = System.nanoTime();
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
        for (int i = 0; i < 6; i++) {
            executor.submit(() -> {
                job();
                return null; // a Callable, so the lambda may throw InterruptedException
            });
        }
    } // close() waits for all six
    IO.println("unbounded: 6 jobs, at most " + peak + " at once, took " + secondsSince(start) + " s");
}

double secondsSince(long start) { // rounded to one decimal
    return Math.round((System.nanoTime() - start) / 1e8) / 10.0;
}

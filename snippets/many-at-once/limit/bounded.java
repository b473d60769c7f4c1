final AtomicInteger running = new AtomicInteger(); // jobs running right now
final AtomicInteger peak = new AtomicInteger(); // the most that ever ran at once

void job() throws InterruptedException {
    peak.accumulateAndGet(running.incrementAndGet(), Math::max);
    Thread.sleep(500); // one slow call
    running.decrementAndGet();
}

void main() {
    Semaphore slots = new Semaphore(2);
    long start = System.nanoTime();
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
        for (int i = 0; i < 6; i++) {
            executor.submit(() -> {
                slots.acquire(); // a virtual thread parks here while 2 jobs hold permits
                try {
                    job();
                } finally {
                    slots.release();
                }
                return null; // a Callable, so the lambda may throw InterruptedException
            });
        }
    } // close() waits for all six
    IO.println("bounded: 6 jobs, at most " + peak + " at once, took " + secondsSince(start) + " s");
}

double secondsSince(long start) { // rounded to one decimal
    return Math.round((System.nanoTime() - start) / 1e8) / 10.0;
}

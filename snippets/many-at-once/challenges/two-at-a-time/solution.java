// playground:hide-start
final AtomicInteger inFlight = new AtomicInteger(); // calls running right now
final AtomicInteger peak = new AtomicInteger(); // the most that ever ran at once

/** The slow service: 0.4 s per call. */
void callService(int n) throws InterruptedException {
    peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    try {
        Thread.sleep(400);
    } finally {
        inFlight.decrementAndGet();
    }
}

// playground:hide-end
final Semaphore slots = new Semaphore(2); // two permits: two calls at a time

void job(int n) throws InterruptedException {
    slots.acquire(); // parks this virtual thread while two jobs hold the permits
    try {
        callService(n);
    } finally {
        slots.release();
    }
}

void main() {
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
        for (int n = 1; n <= 6; n++) {
            int id = n;
            executor.submit(() -> {
                job(id);
                return null; // a Callable, so job may throw InterruptedException
            });
        }
    } // close() waits for all six
    IO.println("6 calls done, at most " + peak + " at once");
}

final long START = System.nanoTime();

double seconds(long nanoTime) { // seconds since start, one decimal
    return Math.round((nanoTime - START) / 1e8) / 10.0;
}

void ticker() throws InterruptedException {
    long last = START;
    for (int i = 1; i <= 5; i++) {
        Thread.sleep(200); // parks this virtual thread and frees the carrier
        long t = System.nanoTime();
        String late = t - last > 300_000_000L ? " (due at " + seconds(last + 200_000_000L) + " s)" : "";
        IO.println("tick " + i + " at " + seconds(t) + " s" + late);
        last = t;
    }
}

void cpuStep() throws InterruptedException {
    Thread.sleep(300);
    IO.println("cpu: 0.6 s of computation starts at " + seconds(System.nanoTime()) + " s");
    long end = System.nanoTime() + 600_000_000L;
    while (System.nanoTime() < end) { } // stands in for computing: it never parks, so it keeps the carrier
    IO.println("cpu: done at " + seconds(System.nanoTime()) + " s");
}

void main() throws InterruptedException {
    // One carrier thread for all virtual threads. Set it before the first one starts.
    System.setProperty("jdk.virtualThreadScheduler.parallelism", "1");
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
        executor.submit(() -> { ticker(); return null; });
        executor.submit(() -> { cpuStep(); return null; });
    } // close() waits for both
}

void brew(String name, Duration delay, long start) throws InterruptedException {
    Thread.sleep(delay); // on a virtual thread this parks it; no OS thread waits
    IO.println("  " + name + " ready at " + secondsSince(start) + " s");
}

void main() throws InterruptedException {
    IO.println("concurrent");
    long start = System.nanoTime();
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) { // one virtual thread per task
        executor.submit(() -> { brew("tea", Duration.ofMillis(1000), start); return null; });
        executor.submit(() -> { brew("toast", Duration.ofMillis(500), start); return null; });
    } // close() waits for both tasks to finish
}

double secondsSince(long start) { // rounded to one decimal
    return Math.round((System.nanoTime() - start) / 1e8) / 10.0;
}

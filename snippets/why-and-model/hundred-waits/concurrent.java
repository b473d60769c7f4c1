final int N = 40; // the same 40 waits of 0.1 s as the sequential variant

// Stands in for one slow call: a timer completes the future after 0.1 s,
// and no thread waits in the meantime.
CompletableFuture<Void> waitAsync() {
    return CompletableFuture.runAsync(() -> {}, CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS));
}

void main() {
    long start = System.nanoTime();
    CompletableFuture<?>[] waits = new CompletableFuture<?>[N];
    for (int i = 0; i < N; i++) {
        waits[i] = waitAsync(); // all 40 in flight at once
    }
    CompletableFuture.allOf(waits).join(); // completes when every one has
    IO.println("concurrent, CompletableFuture.allOf: " + N + " waits of 0.1 s took " + secondsSince(start) + " s");
}

double secondsSince(long start) { // rounded to one decimal
    return Math.round((System.nanoTime() - start) / 1e8) / 10.0;
}

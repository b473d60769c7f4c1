final Map<String, Long> MIRRORS = Map.of("a", 300L, "b", 100L, "c", 200L); // delay of each copy, in ms

CompletableFuture<String> fetchAsync(String mirror, ExecutorService executor) {
    return CompletableFuture.supplyAsync(() -> {
        try {
            Thread.sleep(MIRRORS.get(mirror));
        } catch (InterruptedException e) {
            throw new CompletionException(e);
        }
        IO.println("  " + mirror + " replied");
        return "report from " + mirror;
    }, executor);
}

void main() {
    long start = System.nanoTime();
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
        CompletableFuture<?>[] futures = Stream.of("a", "b", "c").map(m -> fetchAsync(m, executor)).toArray(CompletableFuture[]::new);
        // anyOf completes with the first future to complete. Its type is Object, since the
        // futures may differ in type, and it cancels nothing: the other two keep running.
        Object winner = CompletableFuture.anyOf(futures).join();
        IO.println("winner: " + winner + " after " + secondsSince(start) + " s");
    } // close() waits for a and c, which still reply
    IO.println("all done after " + secondsSince(start) + " s");
}

// In whole tenths, rounded down: a wait never ends early, so a slow start cannot turn 0.1 into 0.2.
double secondsSince(long start) {
    return Math.floorDiv(System.nanoTime() - start, 100_000_000L) / 10.0;
}

final Map<Integer, String> NAMES = Map.of(1, "Ada Lovelace", 2, "Alan Turing", 3, "Grace Hopper");

CompletableFuture<String> getUserAsync(int id) { // one slow call, started at once
    return CompletableFuture.supplyAsync(() -> NAMES.get(id),
            CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS));
}

void main() {
    long start = System.nanoTime();
    // toList() ends the first stream, so all three calls have started before any join().
    List<CompletableFuture<String>> futures = Stream.of(1, 2, 3).map(this::getUserAsync).toList();
    List<String> names = futures.stream().map(CompletableFuture::join).toList();
    IO.println("start all, then join: " + String.join(", ", names) + " (took " + secondsSince(start) + " s)");
}

double secondsSince(long start) { // rounded to one decimal
    return Math.round((System.nanoTime() - start) / 1e8) / 10.0;
}

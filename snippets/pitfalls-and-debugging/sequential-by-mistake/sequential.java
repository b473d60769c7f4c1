final Map<Integer, String> NAMES = Map.of(1, "Ada Lovelace", 2, "Alan Turing", 3, "Grace Hopper");

CompletableFuture<String> getUserAsync(int id) { // one slow call, started at once
    return CompletableFuture.supplyAsync(() -> NAMES.get(id),
            CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS));
}

void main() {
    long start = System.nanoTime();
    // Looks like "start all, then join all", but a Stream handles one element at
    // a time: it starts user 1, joins it, and only then starts user 2.
    List<String> names = Stream.of(1, 2, 3)
            .map(this::getUserAsync)
            .map(CompletableFuture::join)
            .toList();
    IO.println("stream of map and join: " + String.join(", ", names) + " (took " + secondsSince(start) + " s)");
}

double secondsSince(long start) { // rounded to one decimal
    return Math.round((System.nanoTime() - start) / 1e8) / 10.0;
}

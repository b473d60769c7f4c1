CompletableFuture<String> getUserAsync(int id) {
    return CompletableFuture.supplyAsync(() -> "Ada Lovelace",
            CompletableFuture.delayedExecutor(1000, TimeUnit.MILLISECONDS));
}

CompletableFuture<Void> sendNotificationAsync(int id) {
    return CompletableFuture.runAsync(() -> {
        throw new IllegalStateException("mail server is down");
    }, CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS));
}

void main() throws InterruptedException {
    long start = System.nanoTime();
    CompletableFuture<String> fetching = getUserAsync(1); // already running
    // Never joined. A failed future keeps its exception silently, so attach a handler.
    sendNotificationAsync(1).exceptionally(e -> {
        IO.println("  background job failed: " + e.getCause().getMessage());
        return null;
    });
    IO.println("fetch started; 0.5 s of other work");
    Thread.sleep(500);
    IO.println("other work done; joining the fetch");
    String name = fetching.join(); // it has been running all along
    IO.println("got " + name + " after " + secondsSince(start) + " s");
}

double secondsSince(long start) { // rounded to one decimal
    return Math.round((System.nanoTime() - start) / 1e8) / 10.0;
}

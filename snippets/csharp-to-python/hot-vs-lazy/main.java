CompletableFuture<String> getUserAsync(int id) {
    IO.println("  fetch " + id + ": started"); // runs before the call returns
    // The delay starts now, not when someone asks for the result.
    return CompletableFuture.supplyAsync(() -> "Ada Lovelace",
            CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS));
}

void main() throws InterruptedException {
    long start = System.nanoTime();
    CompletableFuture<String> future = getUserAsync(1); // already running
    IO.println("called getUserAsync(1); now 1 s of other work");
    Thread.sleep(1000);
    IO.println("other work done; joining");
    String name = future.join(); // it has been running during the other work
    double seconds = Math.round((System.nanoTime() - start) / 1e8) / 10.0; // one decimal
    IO.println("got " + name + " after " + seconds + " s");
}

final Map<Integer, String> NAMES = Map.of(1, "Ada Lovelace", 2, "Alan Turing");

// Java's counterpart of async Task<string>: the future is already running
// when the method returns.
CompletableFuture<String> getNameAsync(int id) {
    return CompletableFuture.supplyAsync(() -> NAMES.get(id),
            CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS));
}

// main is an ordinary method: there is no event loop to start. join()
// blocks the calling thread until the result is there, like GetResult().
void main() {
    IO.println("sync code: " + getNameAsync(2).join());
    IO.println("main: " + getNameAsync(1).join());
}

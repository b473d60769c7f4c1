final Map<Integer, String> NAMES = Map.of(1, "Ada Lovelace", 2, "Alan Turing");

// Java's counterpart of async Task<string>: supplyAsync submits the work at
// once, and the future holds its result when it is done.
CompletableFuture<String> getNameAsync(int id) {
    return CompletableFuture.supplyAsync(() -> NAMES.get(id),
            CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS));
}

// Sync over async: join() blocks the calling thread until the result is
// there, like GetAwaiter().GetResult().
String getNameBlocking(int id) {
    return getNameAsync(id).join();
}

// The closest thing to `static async Task<int> Main()`: a method that
// returns a future, whose steps run when the results arrive.
CompletableFuture<Integer> mainAsync() {
    return getNameAsync(1).thenApply(name -> {
        IO.println("main: " + name);
        // Allowed, as in C#: the pool thread that runs this step waits.
        IO.println("blocking inside async code: " + getNameBlocking(2));
        return 0; // the exit code
    });
}

// main is an ordinary method: there is no event loop to start, and join()
// blocks it until mainAsync's future completes.
void main() {
    IO.println("sync code: " + getNameBlocking(2));
    int exitCode = mainAsync().join();
    if (exitCode != 0) System.exit(exitCode);
}

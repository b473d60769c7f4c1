final AtomicInteger calls = new AtomicInteger();

// Fails twice, then works: a stand-in for a service that is briefly down.
CompletableFuture<String> flakyFetchAsync() {
    int call = calls.incrementAndGet();
    Executor later = CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS);
    return CompletableFuture.runAsync(() -> {}, later).thenCompose(ignored -> call < 3
            ? CompletableFuture.failedFuture(new IOException("service unavailable"))
            : CompletableFuture.completedFuture("report"));
}

// No loop and no blocking: each failure schedules the next attempt after a delay.
<T> CompletableFuture<T> retryAsync(Supplier<CompletableFuture<T>> operation, int attempt, int attempts, long delayMs) {
    return operation.get().exceptionallyCompose(error -> {
        // A dependent stage sees the failure wrapped in a CompletionException.
        Throwable cause = error instanceof CompletionException ? error.getCause() : error;
        if (attempt == attempts || !(cause instanceof IOException)) return CompletableFuture.failedFuture(cause);
        IO.println("attempt " + attempt + " failed (" + cause.getMessage() + "); retrying in " + delayMs / 1000.0 + " s");
        Executor later = CompletableFuture.delayedExecutor(delayMs, TimeUnit.MILLISECONDS);
        return CompletableFuture.runAsync(() -> {}, later) // a non-blocking sleep
                .thenCompose(ignored -> retryAsync(operation, attempt + 1, attempts, delayMs * 2));
    });
}

void main() {
    String result = retryAsync(this::flakyFetchAsync, 1, 4, 100).join();
    IO.println("got " + result + " on attempt " + calls);
}

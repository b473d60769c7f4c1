CompletableFuture<String> fetchAsync(String name, long ms, Executor executor) {
    return CompletableFuture.supplyAsync(() -> {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            IO.println("  " + name + " cancelled");
            throw new CompletionException(e);
        }
        IO.println("  " + name + " finished");
        return "report from " + name;
    }, executor);
}

void main() {
    long programStart = System.nanoTime();
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
        String fast = fetchAsync("fast", 100, executor).orTimeout(300, TimeUnit.MILLISECONDS).join();
        IO.println("orTimeout: " + fast);

        // orTimeout completes the future with a TimeoutException. The supplier runs on.
        long start = System.nanoTime();
        try {
            fetchAsync("slow", 1000, executor).orTimeout(300, TimeUnit.MILLISECONDS).join();
        } catch (CompletionException e) { // join() wraps the TimeoutException
            IO.println("orTimeout: gave up after " + secondsSince(start) + " s ("
                    + e.getCause().getClass().getSimpleName() + ")");
        }

        // completeOnTimeout completes it with a fallback value instead.
        start = System.nanoTime();
        String report = fetchAsync("slow", 1000, executor)
                .completeOnTimeout("a cached report", 300, TimeUnit.MILLISECONDS).join();
        IO.println("completeOnTimeout: " + report + " after " + secondsSince(start) + " s");
    } // close() waits: both slow suppliers are still sleeping, and finish
    IO.println("all done after " + secondsSince(programStart) + " s");
}

double secondsSince(long start) { // rounded to one decimal
    return Math.round((System.nanoTime() - start) / 1e8) / 10.0;
}

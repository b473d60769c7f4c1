CompletableFuture<Void> lateTaskAsync() {
    return CompletableFuture.runAsync(() -> IO.println("late task: done"), // never printed
            CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS));
}

CompletableFuture<String> mainAsync() {
    lateTaskAsync(); // started, never joined
    return CompletableFuture.supplyAsync(() -> {
        IO.println("main: done");
        return "result of main";
    }, CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS));
}

// main is an ordinary method; join() blocks it until the future completes.
void main() {
    CompletableFuture<String> future = mainAsync(); // supplyAsync has already submitted the work
    IO.println("mainAsync() returned a CompletableFuture; the work behind it is already running");
    IO.println("join returned: " + future.join());
    // main returns and the JVM exits: the threads behind delayedExecutor are
    // daemon threads, so the late task is dropped.
}

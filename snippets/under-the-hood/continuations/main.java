CompletableFuture<Void> waiter(CompletableFuture<String> future) {
    IO.println("2. waiter: attaches its next step to a pending future");
    return future.thenAccept(value -> IO.println("4. waiter: resumed with \"" + value + "\", inside complete()"));
}

void main() {
    Thread mainThread = Thread.currentThread();
    IO.println("1. main: start");
    CompletableFuture<String> pending = new CompletableFuture<>();
    CompletableFuture<Void> waiter = waiter(pending);

    IO.println("3. main: calls complete()");
    pending.complete("hello"); // runs the waiting step right here, on this thread
    IO.println("5. main: complete() returned");

    // A step attached to a future that is already complete runs at once, in the caller.
    pending.thenAccept(value -> IO.println("6. main: thenAccept on a completed future ran at once, on main: "
            + (Thread.currentThread() == mainThread)));

    // The *Async variants always hand the step to an executor. Without an executor
    // argument that is the common ForkJoinPool in JDK 25; up to JDK 24 it was a new
    // thread per task whenever the common pool's parallelism was below 2.
    pending.thenRunAsync(() -> IO.println("7. thenRunAsync ran on another thread: "
            + (Thread.currentThread() != mainThread))).join();
    waiter.join();
}

final long START = System.nanoTime();

String now() { // seconds since start, one decimal
    return Math.round((System.nanoTime() - START) / 1e8) / 10.0 + " s";
}

// A job written as callbacks: the timer fires on a JDK timer thread,
// and thenRunAsync(..., loop) hands the rest of the job back to the loop.
CompletableFuture<Void> job(String name, long ms, ExecutorService loop, Thread loopThread) {
    IO.println(name + ": start at " + now());
    return CompletableFuture.runAsync(() -> {}, CompletableFuture.delayedExecutor(ms, TimeUnit.MILLISECONDS))
            .thenRunAsync(() -> IO.println(name + ": done at " + now()
                    + ", on the loop thread: " + (Thread.currentThread() == loopThread)), loop);
}

void main() throws Exception {
    // The event loop: one thread taking callbacks from a queue, one at a time.
    try (ExecutorService loop = Executors.newSingleThreadExecutor()) {
        Thread loopThread = loop.submit(Thread::currentThread).get();
        CompletableFuture<Void> all = CompletableFuture
                .supplyAsync(() -> CompletableFuture.allOf(
                        job("A", 300, loop, loopThread),
                        job("B", 100, loop, loopThread),
                        job("C", 200, loop, loopThread)), loop) // start the jobs on the loop
                .thenCompose(jobs -> jobs);
        all.join();
        IO.println("loop: finished at " + now());
    } // closing the executor stops the loop thread
}

// playground:hide-start
void sleep(long ms) { // Thread.sleep without the checked exception
    try {
        Thread.sleep(ms);
    } catch (InterruptedException e) {
        throw new IllegalStateException(e);
    }
}

// playground:hide-end
// The event loop: one thread that runs one job (or timer callback) at a time.
final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "loop"));
final CountDownLatch finished = new CountDownLatch(3);

// Runs on the loop thread.
void job(String name, long ms) {
    IO.println(name + ": request sent");
    // The rest of the job, as a continuation: the loop runs it on its thread after ms.
    loop.schedule(() -> {
        IO.println(name + ": reply after " + ms + " ms");
        finished.countDown();
    }, ms, TimeUnit.MILLISECONDS);
} // returns at once, so the loop can start the next job

void main() throws InterruptedException {
    loop.execute(() -> job("A", 600));
    loop.execute(() -> job("B", 200));
    loop.execute(() -> job("C", 400));
    finished.await(); // until all three jobs have counted down
    loop.shutdown();
}

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
    sleep(ms); // waits for the reply, and holds the loop thread all that time
    IO.println(name + ": reply after " + ms + " ms");
    finished.countDown();
}

void main() throws InterruptedException {
    loop.execute(() -> job("A", 600));
    loop.execute(() -> job("B", 200));
    loop.execute(() -> job("C", 400));
    finished.await(); // until all three jobs have counted down
    loop.shutdown();
}

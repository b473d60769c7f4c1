// AtomicInteger makes each get() and each set() safe, not the steps between them.
final AtomicInteger balance = new AtomicInteger();

void deposit(int amount) throws InterruptedException {
    int current = balance.get(); // read
    Thread.sleep(100); // e.g. a round trip to the database: other threads run now
    balance.set(current + amount); // write, from a value that may be stale by now
}

void main() {
    long start = System.nanoTime();
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
        for (int i = 0; i < 5; i++) {
            executor.submit(() -> {
                deposit(10);
                return null; // a Callable, so the lambda may throw InterruptedException
            });
        }
    } // close() waits for all five
    IO.println("no lock: 5 deposits of 10, balance " + balance + " after " + secondsSince(start) + " s");
}

double secondsSince(long start) { // rounded to one decimal
    return Math.round((System.nanoTime() - start) / 1e8) / 10.0;
}

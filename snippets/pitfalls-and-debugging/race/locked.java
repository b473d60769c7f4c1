final ReentrantLock lock = new ReentrantLock();
int balance = 0; // guarded by lock

void deposit(int amount) throws InterruptedException {
    lock.lock(); // one thread at a time from the read to the write
    try {
        int current = balance; // read
        Thread.sleep(100); // e.g. a round trip to the database; waiting threads stay parked
        balance = current + amount; // write
    } finally {
        lock.unlock();
    }
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
    lock.lock();
    try {
        IO.println("ReentrantLock: 5 deposits of 10, balance " + balance + " after " + secondsSince(start) + " s");
    } finally {
        lock.unlock();
    }
}

double secondsSince(long start) { // rounded to one decimal
    return Math.round((System.nanoTime() - start) / 1e8) / 10.0;
}

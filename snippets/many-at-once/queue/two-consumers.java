final int CONSUMERS = 2;
final int ITEMS = 6;
final int NO_MORE = -1; // the "no more work" marker: a BlockingQueue cannot hold null

void main() {
    BlockingQueue<Integer> queue = new ArrayBlockingQueue<>(2); // put() blocks while 2 items wait
    AtomicInteger handled = new AtomicInteger();
    long start = System.nanoTime();
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
        executor.submit(() -> { // the producer
            for (int item = 1; item <= ITEMS; item++) queue.put(item);
            for (int c = 0; c < CONSUMERS; c++) queue.put(NO_MORE); // one marker per consumer
            return null;
        });
        for (int c = 0; c < CONSUMERS; c++) {
            executor.submit(() -> { // a consumer
                for (int item = queue.take(); item != NO_MORE; item = queue.take()) { // take() blocks while empty
                    Thread.sleep(300); // handling one item takes 0.3 s
                    handled.incrementAndGet();
                }
                return null;
            });
        }
    } // close() waits for the producer and every consumer
    IO.println(CONSUMERS + " consumers: " + handled + " items in " + secondsSince(start) + " s");
}

double secondsSince(long start) { // rounded to one decimal
    return Math.round((System.nanoTime() - start) / 1e8) / 10.0;
}

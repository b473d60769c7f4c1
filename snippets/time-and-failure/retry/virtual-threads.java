final AtomicInteger calls = new AtomicInteger();

// Fails twice, then works: a stand-in for a service that is briefly down.
String flakyFetch() throws IOException, InterruptedException {
    int call = calls.incrementAndGet();
    Thread.sleep(100);
    if (call < 3) throw new IOException("service unavailable");
    return "report";
}

// A plain blocking loop. On a virtual thread, each sleep parks only that virtual thread.
<T> T retry(Callable<T> operation, int attempts, Duration delay) throws Exception {
    for (int attempt = 1; attempt < attempts; attempt++) {
        try {
            return operation.call();
        } catch (IOException e) { // retry only errors that may go away
            IO.println("attempt " + attempt + " failed (" + e.getMessage() + "); retrying in "
                    + delay.toMillis() / 1000.0 + " s");
            Thread.sleep(delay);
            delay = delay.multipliedBy(2); // exponential backoff: 0.1 s, 0.2 s, 0.4 s
        }
    }
    return operation.call(); // the last attempt: its exception goes to the caller
}

void main() throws Exception {
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
        String result = executor.submit(() -> retry(this::flakyFetch, 4, Duration.ofMillis(100))).get();
        IO.println("got " + result + " on attempt " + calls);
    }
}

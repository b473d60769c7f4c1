String getUser(int id) throws InterruptedException {
    Thread.sleep(1000);
    return "Ada Lovelace";
}

void sendNotification(int id) throws InterruptedException {
    Thread.sleep(200);
    throw new IllegalStateException("mail server is down");
}

void main() throws Exception {
    long start = System.nanoTime();
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
        Future<String> fetching = executor.submit(() -> getUser(1)); // starts now, on its own virtual thread
        // Fire and forget: a bare virtual thread. An exception it doesn't catch
        // only reaches the uncaught-exception handler (a stack trace on stderr).
        Thread.startVirtualThread(() -> {
            try {
                sendNotification(1);
            } catch (Exception e) {
                IO.println("  background job failed: " + e.getMessage());
            }
        });
        IO.println("fetch started; 0.5 s of other work");
        Thread.sleep(500);
        IO.println("other work done; waiting for the fetch");
        String name = fetching.get(); // it has been running all along
        IO.println("got " + name + " after " + secondsSince(start) + " s");
    }
}

double secondsSince(long start) { // rounded to one decimal
    return Math.round((System.nanoTime() - start) / 1e8) / 10.0;
}

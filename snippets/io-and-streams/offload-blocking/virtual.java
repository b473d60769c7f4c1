final Map<Integer, String> NAMES = Map.of(1, "Ada Lovelace", 2, "Alan Turing");

// A synchronous library call, e.g. a JDBC driver: it blocks its thread for 0.5 s.
String legacyLookup(int id) throws InterruptedException {
    Thread.sleep(500);
    return NAMES.get(id);
}

void main() throws Exception {
    long start = System.nanoTime();
    // No event loop to protect: give each blocking call its own virtual thread.
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
        Future<String> ada = executor.submit(() -> legacyLookup(1));
        Future<String> alan = executor.submit(() -> legacyLookup(2));
        IO.println("virtual threads: " + ada.get() + ", " + alan.get() + " (took " + secondsSince(start) + " s)");
    }
}

double secondsSince(long start) { // rounded to one decimal
    return Math.round((System.nanoTime() - start) / 1e8) / 10.0;
}

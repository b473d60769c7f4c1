final Map<Integer, String> NAMES = Map.of(1, "Ada Lovelace", 2, "Alan Turing", 3, "Grace Hopper");

// The same blocking method. On a virtual thread, sleep parks the
// thread cheaply instead of holding on to an OS thread.
String getUser(int id) throws InterruptedException {
    Thread.sleep(1000); // one slow call
    return NAMES.get(id);
}

void main() throws InterruptedException {
    long start = System.nanoTime();
    List<Callable<String>> calls = List.of(() -> getUser(1), () -> getUser(2), () -> getUser(3));
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) { // one virtual thread per call
        // invokeAll waits for every call and returns the futures in the order given.
        List<String> names = executor.invokeAll(calls).stream().map(Future::resultNow).toList();
        IO.println("concurrent: " + String.join(", ", names) + " (took " + secondsSince(start) + " s)");
    }
}

double secondsSince(long start) { // rounded to one decimal
    return Math.round((System.nanoTime() - start) / 1e8) / 10.0;
}

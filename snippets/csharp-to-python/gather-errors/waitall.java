final Map<Integer, String> NAMES = Map.of(1, "Ada Lovelace", 3, "Grace Hopper");

String getUser(int id, long millis) throws InterruptedException {
    Thread.sleep(millis);
    String name = NAMES.get(id);
    if (name == null) throw new NoSuchElementException("no user " + id);
    IO.println("  fetch " + id + ": done");
    return name;
}

String outcome(Future<String> future) {
    return switch (future.state()) {
        case SUCCESS -> future.resultNow();
        case FAILED -> "failed: " + future.exceptionNow().getMessage();
        default -> future.state().toString().toLowerCase();
    };
}

void main() throws InterruptedException {
    IO.println("invokeAll");
    long start = System.nanoTime();
    List<Integer> ids = List.of(1, 99, 3);
    List<Callable<String>> calls = List.of(() -> getUser(1, 1000), () -> getUser(99, 500), () -> getUser(3, 1500));
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
        // Waits for every call, failed or not; each Future keeps its own result or exception.
        List<Future<String>> futures = executor.invokeAll(calls);
        IO.println("  returned after " + secondsSince(start) + " s");
        for (int i = 0; i < ids.size(); i++) {
            IO.println("  user " + ids.get(i) + ": " + outcome(futures.get(i)));
        }
    }
}

double secondsSince(long start) { // rounded to one decimal
    return Math.round((System.nanoTime() - start) / 1e8) / 10.0;
}

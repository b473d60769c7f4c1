final Map<Integer, String> NAMES = Map.of(1, "Ada Lovelace", 3, "Grace Hopper");

String getUser(int id, long millis) throws InterruptedException {
    Thread.sleep(millis); // an interrupt ends the sleep with InterruptedException
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
    IO.println("fail fast, cancel the rest");
    long start = System.nanoTime();
    List<Integer> ids = List.of(1, 99, 3);
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
        var completion = new ExecutorCompletionService<String>(executor);
        List<Future<String>> futures = List.of(
                completion.submit(() -> getUser(1, 1000)),
                completion.submit(() -> getUser(99, 500)),
                completion.submit(() -> getUser(3, 1500)));
        try {
            for (int i = 0; i < futures.size(); i++) {
                completion.take().get(); // in the order they finish; throws at the first failure
            }
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true)); // interrupts the virtual threads still sleeping
            IO.println("  failed after " + secondsSince(start) + " s: " + e.getCause().getMessage());
        }
        for (int i = 0; i < ids.size(); i++) {
            IO.println("  user " + ids.get(i) + ": " + outcome(futures.get(i)));
        }
    }
}

double secondsSince(long start) { // rounded to one decimal
    return Math.round((System.nanoTime() - start) / 1e8) / 10.0;
}

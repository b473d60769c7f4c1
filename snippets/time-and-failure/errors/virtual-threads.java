final Map<Integer, String> NAMES = Map.of(1, "Ada Lovelace", 3, "Grace Hopper");

String getUser(int id, long ms) throws InterruptedException {
    Thread.sleep(ms);
    String name = NAMES.get(id);
    if (name == null) throw new NoSuchElementException("no user " + id);
    return name;
}

void main() throws InterruptedException {
    // A direct call on this thread: the exception comes out as it was thrown.
    try {
        getUser(99, 100);
    } catch (NoSuchElementException e) {
        IO.println("try/catch: " + e.getMessage());
    }

    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
        // Through a Future, get() wraps the task's exception in an ExecutionException.
        try {
            executor.submit(() -> getUser(99, 100)).get();
        } catch (ExecutionException e) {
            IO.println("get threw ExecutionException, cause: " + e.getCause().getMessage());
        }

        // invokeAll waits for every task; each Future then tells how its task ended.
        // Users 99 and 98 do not exist.
        List<Callable<String>> calls = List.of(
                () -> getUser(1, 100), () -> getUser(99, 200), () -> getUser(98, 300), () -> getUser(3, 400));
        List<String> outcomes = executor.invokeAll(calls).stream()
                .map(f -> switch (f.state()) {
                    case SUCCESS -> f.resultNow();
                    case FAILED -> "error: " + f.exceptionNow().getMessage(); // not wrapped
                    default -> f.state().toString();
                })
                .toList();
        IO.println("invokeAll: " + String.join(", ", outcomes));
    }
}

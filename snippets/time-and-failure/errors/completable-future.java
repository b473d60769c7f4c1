final Map<Integer, String> NAMES = Map.of(1, "Ada Lovelace", 3, "Grace Hopper");

CompletableFuture<String> getUserAsync(int id, long ms) {
    return CompletableFuture.supplyAsync(() -> {
        String name = NAMES.get(id);
        if (name == null) throw new NoSuchElementException("no user " + id);
        return name;
    }, CompletableFuture.delayedExecutor(ms, TimeUnit.MILLISECONDS));
}

void main() throws InterruptedException {
    // join() wraps the task's exception in a CompletionException, get() in an ExecutionException.
    try {
        getUserAsync(99, 100).join();
    } catch (CompletionException e) {
        IO.println("join threw " + e.getClass().getSimpleName() + ", cause: " + e.getCause().getMessage());
    }
    try {
        getUserAsync(99, 100).get();
    } catch (ExecutionException e) {
        IO.println("get threw " + e.getClass().getSimpleName() + ", cause: " + e.getCause().getMessage());
    }

    // exceptionally: replace a failure with a fallback value.
    IO.println("exceptionally: " + getUserAsync(99, 100).exceptionally(error -> "a guest").join());

    // handle: turn every outcome into a value, like Promise.allSettled. Users 99 and 98 do not exist.
    List<CompletableFuture<String>> futures = List.of(
            getUserAsync(1, 100), getUserAsync(99, 200), getUserAsync(98, 300), getUserAsync(3, 400));
    List<String> outcomes = futures.stream()
            .map(f -> f.handle((name, error) -> error == null ? name : "error: " + error.getCause().getMessage()))
            .map(CompletableFuture::join)
            .toList();
    IO.println("handle: " + String.join(", ", outcomes));
}

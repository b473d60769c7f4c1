record User(int id, String name, String email) {}

final Map<Integer, User> USERS = Map.of(1, new User(1, "Ada Lovelace", "ada@example.com"));
final Executor IN_100_MS = CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS);

CompletableFuture<User> getUser(int id) {
    return CompletableFuture.supplyAsync(() -> {
        User user = USERS.get(id);
        if (user == null) throw new NoSuchElementException("no user " + id);
        return user;
    }, IN_100_MS);
}

CompletableFuture<String> sendWelcome(User user) {
    return CompletableFuture.supplyAsync(() -> "welcome mail sent to " + user.email(), IN_100_MS);
}

CompletableFuture<Void> welcome(int id) {
    return getUser(id)
            .thenCompose(this::sendWelcome) // .then that returns a future
            .thenAccept(IO::println)        // .then that returns nothing
            .exceptionally(e -> {           // .catch; the cause is wrapped in a CompletionException
                IO.println("error: " + e.getCause().getMessage());
                return null;
            });
}

void main() {
    welcome(1).thenCompose(done -> welcome(99)).join(); // join() blocks main until the chain ends
}

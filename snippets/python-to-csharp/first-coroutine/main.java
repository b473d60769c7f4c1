record User(int id, String name, String email) {}

// Returns a CompletableFuture<User> at once. Java has no await:
// join() blocks the calling thread until the User is there.
CompletableFuture<User> getUserAsync(int id) {
    IO.println("fetching user " + id + "...");
    return CompletableFuture.supplyAsync(
            () -> new User(id, "Ada Lovelace", "ada@example.com"),
            CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS)); // the network round trip
}

void main() {
    User user = getUserAsync(1).join();
    IO.println("got " + user.name() + " <" + user.email() + ">");
}

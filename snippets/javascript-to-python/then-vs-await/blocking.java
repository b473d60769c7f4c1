record User(int id, String name, String email) {}

final Map<Integer, User> USERS = Map.of(1, new User(1, "Ada Lovelace", "ada@example.com"));

// Plain blocking methods: no futures, no callbacks.
User getUser(int id) throws InterruptedException {
    Thread.sleep(100);
    User user = USERS.get(id);
    if (user == null) throw new NoSuchElementException("no user " + id);
    return user;
}

String sendWelcome(User user) throws InterruptedException {
    Thread.sleep(100);
    return "welcome mail sent to " + user.email();
}

// Reads like async/await: one step after another, and try/catch for errors.
void welcome(int id) throws InterruptedException {
    try {
        User user = getUser(id);
        String receipt = sendWelcome(user);
        IO.println(receipt);
    } catch (NoSuchElementException e) { // any step's failure lands here
        IO.println("error: " + e.getMessage());
    }
}

void main() throws InterruptedException {
    // On a virtual thread each sleep parks the thread cheaply, so thousands
    // of these can wait at once.
    Thread thread = Thread.ofVirtual().start(() -> {
        try {
            welcome(1);
            welcome(99);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    });
    thread.join();
}

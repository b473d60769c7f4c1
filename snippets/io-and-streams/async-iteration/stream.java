final Map<Integer, String> NAMES = Map.of(1, "Ada Lovelace", 2, "Alan Turing", 3, "Grace Hopper");

// A plain blocking call, which is cheap on a virtual thread.
String fetchUser(int id) {
    IO.println("fetching user " + id);
    try {
        Thread.sleep(100); // stands in for one request per user
    } catch (InterruptedException e) {
        throw new IllegalStateException("interrupted", e);
    }
    return NAMES.get(id);
}

// Java has no generators. A lazy Stream comes close: map() runs for one
// element at a time, when the terminal operation pulls it.
Stream<String> users(List<Integer> ids) {
    return ids.stream().map(this::fetchUser);
}

void main() throws InterruptedException {
    Thread reader = Thread.ofVirtual().start(() -> {
        users(List.of(1, 2, 3)).forEach(name -> IO.println("got " + name));
        IO.println("done");
    });
    reader.join();
}

// Plain blocking methods: no futures, no callbacks, no async keyword.
String fetchUser() throws InterruptedException {
    IO.println("fetchUser: sleeps 0.1 s");
    Thread.sleep(100); // on a virtual thread: parks the whole thread, frees its carrier
    IO.println("fetchUser: woke up, returns");
    return "Ada Lovelace";
}

String loadUser() throws InterruptedException {
    IO.println("loadUser: calls fetchUser()");
    String name = fetchUser();
    IO.println("loadUser: got " + name);
    return name;
}

String handle() throws InterruptedException {
    IO.println("handle: calls loadUser()");
    String name = loadUser();
    IO.println("handle: got " + name);
    return name;
}

void main() throws InterruptedException {
    Thread thread = Thread.ofVirtual().start(() -> {
        try {
            IO.println("virtual thread: " + handle());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    });
    while (thread.getState() != Thread.State.TIMED_WAITING) { // wait until it is parked in sleep
        Thread.sleep(10);
    }
    // The parked thread's frames are kept on the heap; its stack trace still shows them.
    Set<String> ours = Set.of("fetchUser", "loadUser", "handle");
    String frames = Arrays.stream(thread.getStackTrace())
            .map(StackTraceElement::getMethodName)
            .filter(ours::contains) // skip the JDK frames
            .collect(Collectors.joining(" <- "));
    IO.println("main: the virtual thread is parked (" + thread.getState() + ") in " + frames);
    thread.join();
}

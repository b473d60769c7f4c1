final List<String> saved = new CopyOnWriteArrayList<>(); // written from another thread

CompletableFuture<Void> saveAsync(String name) {
    // The write runs 0.1 s from now on another thread, like a database call.
    return CompletableFuture.runAsync(() -> saved.add(name),
            CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS));
}

void show(String label) {
    IO.println(label + ": [" + String.join(", ", saved) + "]");
}

void main() throws InterruptedException {
    // Forgot join(): the future starts at once and runs unsupervised.
    // javac says nothing; Error Prone's FutureReturnValueIgnored check would.
    saveAsync("Ada");
    show("right after the call");
    Thread.sleep(500);
    show("half a second later");
    saveAsync("Alan").join();
    show("after joining save");
}

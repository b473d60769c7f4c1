void sendWelcome(String email) {
    try {
        Thread.sleep(100); // stands in for talking to a mail server
    } catch (InterruptedException e) {
        throw new IllegalStateException(e);
    }
    throw new IllegalStateException("mail server refused " + email);
}

void main() throws InterruptedException {
    // Fire and forget: the future keeps its exception, and nothing reports it, ever.
    CompletableFuture.runAsync(() -> sendWelcome("ada@example.com"));
    // A handler attached with whenComplete at least logs the failure.
    CompletableFuture.runAsync(() -> sendWelcome("grace@example.com"))
            .whenComplete((ok, error) -> {
                if (error != null) IO.println("whenComplete: " + error.getCause().getMessage());
            });
    Thread.sleep(500);
    IO.println("fire and forget: main saw no error");

    try {
        CompletableFuture.runAsync(() -> sendWelcome("alan@example.com")).join();
    } catch (CompletionException e) { // join() wraps the failure; the original is the cause
        IO.println("joined: caught " + e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage());
    }
}

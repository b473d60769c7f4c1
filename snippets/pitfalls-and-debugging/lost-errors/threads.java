void sendWelcome(String email) {
    try {
        Thread.sleep(100); // stands in for talking to a mail server
    } catch (InterruptedException e) {
        throw new IllegalStateException(e);
    }
    throw new IllegalStateException("mail server refused " + email);
}

void main() throws Exception {
    // A thread that dies from an exception goes to the uncaught-exception handler.
    // The default one prints the stack trace to stderr; this one prints to stdout.
    Thread.setDefaultUncaughtExceptionHandler((thread, error) ->
            IO.println("uncaught-exception handler: " + error.getMessage()));

    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
        Thread.ofVirtual().start(() -> sendWelcome("ada@example.com")); // fire and forget
        executor.submit(() -> sendWelcome("grace@example.com")); // submit() keeps the error in the Future: silent
        Thread.sleep(500);
        IO.println("fire and forget: main saw no error");

        Future<?> alan = executor.submit(() -> sendWelcome("alan@example.com"));
        try {
            alan.get();
        } catch (ExecutionException e) { // get() wraps the failure; the original is the cause
            IO.println("get: caught " + e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage());
        }
    }
}

void download(int chunks) {
    try {
        for (int chunk = 1; chunk <= chunks; chunk++) {
            Thread.sleep(200); // an interrupt makes this throw InterruptedException
            IO.println("  chunk " + chunk + " saved");
        }
    } catch (InterruptedException e) {
        IO.println("  cancelled while waiting");
        Thread.currentThread().interrupt(); // keep the flag set for anyone further up
    } finally {
        IO.println("  clean-up: partial file removed");
    }
}

void main() throws InterruptedException {
    Future<?> download;
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
        download = executor.submit(() -> download(10));
        Thread.sleep(500);
        IO.println("cancel requested");
        download.cancel(true); // true: interrupt the thread that runs the task
    } // close() waits for the task's virtual thread to finish its clean-up
    IO.println("download cancelled: " + download.isCancelled());
}

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
    Thread downloader = Thread.ofVirtual().start(() -> download(10));
    Thread.sleep(500);
    IO.println("cancel requested");
    downloader.interrupt(); // only a request: the thread sees it at its next blocking call
    downloader.join(); // wait for the clean-up
    // A Thread has no cancelled state. The interrupt flag that download() set
    // again on its way out is what tells the caller the work was cut short.
    IO.println("download cancelled: " + downloader.isInterrupted());
}

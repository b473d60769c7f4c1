// A pretend database connection. Java has no async open or close: a
// close() that has to wait just blocks, which is cheap on a virtual thread.
class Connection implements AutoCloseable {
    Connection() throws InterruptedException { // a constructor may block, so it can open
        Thread.sleep(100);
        IO.println("open");
    }

    String queryName(int id) throws InterruptedException {
        Thread.sleep(100);
        if (id != 1) throw new NoSuchElementException("no user " + id);
        return "Ada Lovelace";
    }

    @Override
    public void close() { // declared without checked exceptions
        try {
            Thread.sleep(100); // e.g. tell the server goodbye
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // keep the request to stop; don't throw it from close()
        }
        IO.println("close");
    }
}

void useConnections() throws InterruptedException {
    try (Connection conn = new Connection()) {
        IO.println("user 1: " + conn.queryName(1));
    }

    try (Connection conn = new Connection()) {
        conn.queryName(99);
    } catch (NoSuchElementException e) {
        IO.println("error: " + e.getMessage()); // the connection was closed before we got here
    }
}

void main() throws InterruptedException {
    // Run the blocking code on a virtual thread, where each sleep parks the
    // thread instead of holding an OS thread.
    Thread worker = Thread.ofVirtual().start(() -> {
        try {
            useConnections();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    });
    worker.join();
}

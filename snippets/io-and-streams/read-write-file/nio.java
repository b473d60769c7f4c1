final String CSV = "1,Ada Lovelace\n2,Alan Turing\n3,Grace Hopper\n";

// Plain blocking calls from java.nio.file: no futures, no callbacks.
List<String> writeAndReadBack(Path file) throws IOException {
    Files.writeString(file, CSV); // UTF-8 by default
    return Files.readAllLines(file);
}

void main() throws Exception {
    Path file = Files.createTempFile("users-", ".csv"); // a fresh, empty file in /tmp
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
        // The file work runs on a virtual thread; get() waits for its result.
        List<String> lines = executor.submit(() -> writeAndReadBack(file)).get();
        IO.println("read " + lines.size() + " lines back:");
        for (String line : lines) IO.println("  " + line);
    } finally {
        Files.deleteIfExists(file);
        IO.println("file deleted");
    }
}

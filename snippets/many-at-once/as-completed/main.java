final Map<String, Long> DOWNLOADS = Map.of("big", 300L, "small", 100L, "medium", 200L); // name: ms

String download(String name) throws InterruptedException {
    Thread.sleep(DOWNLOADS.get(name));
    return name;
}

void main() throws Exception {
    long start = System.nanoTime();
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
        // A CompletionService queues each Future as its task completes.
        var completed = new ExecutorCompletionService<String>(executor);
        List<String> names = List.of("big", "small", "medium");
        for (String name : names) {
            completed.submit(() -> download(name));
        }
        for (int i = 0; i < names.size(); i++) {
            String name = completed.take().get(); // take() waits for the next one to finish
            IO.println(name + " done after " + secondsSince(start) + " s");
        }
    }
}

double secondsSince(long start) { // rounded to one decimal
    return Math.round((System.nanoTime() - start) / 1e8) / 10.0;
}

final Map<String, Long> MIRRORS = Map.of("a", 300L, "b", 100L, "c", 200L); // delay of each copy, in ms

String fetch(String mirror) throws InterruptedException {
    Thread.sleep(MIRRORS.get(mirror)); // an interrupt ends the sleep with InterruptedException
    IO.println("  " + mirror + " replied");
    return "report from " + mirror;
}

void main() throws Exception {
    long start = System.nanoTime();
    List<Callable<String>> calls = Stream.of("a", "b", "c").<Callable<String>>map(m -> () -> fetch(m)).toList();
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
        // invokeAny returns the first successful result and cancels the other tasks,
        // which interrupts their virtual threads.
        String winner = executor.invokeAny(calls);
        IO.println("winner: " + winner + " after " + secondsSince(start) + " s");
    } // close() waits until every task has ended
    IO.println("all done after " + secondsSince(start) + " s");
}

// In whole tenths, rounded down: a wait never ends early, so a slow start cannot turn 0.1 into 0.2.
double secondsSince(long start) {
    return Math.floorDiv(System.nanoTime() - start, 100_000_000L) / 10.0;
}

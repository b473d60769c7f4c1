// playground:hide-start
// One # per tenth of a second, so the printed lines form a timeline.
void show(int n, long startNanos, long endNanos) {
    int a = (int) Math.round(startNanos / 1e8), b = (int) Math.round(endNanos / 1e8);
    IO.println("  wait " + n + "  " + a / 10 + "." + a % 10 + "-" + b / 10 + "." + b % 10 + " s  "
            + " ".repeat(a) + "#".repeat(b - a));
}

// playground:hide-end
// show(n, start, end), hidden here, prints one wait as a line of # marks, one per 0.1 s.
void main() throws InterruptedException {
    IO.println("concurrent, virtual threads:");
    var named = Thread.ofVirtual().name("wait ", 1).factory(); // "wait 1", "wait 2", "wait 3"
    try (var executor = Executors.newThreadPerTaskExecutor(named)) { // one virtual thread per task
        long t0 = System.nanoTime();
        Callable<long[]> wait = () -> {
            long start = System.nanoTime() - t0;
            Thread.sleep(1000); // parks only this virtual thread
            return new long[] {start, System.nanoTime() - t0};
        };
        List<Future<long[]>> spans = executor.invokeAll(List.of(wait, wait, wait)); // waits for all three
        // playground:readonly-start
        for (int i = 0; i < spans.size(); i++) {
            long[] span = spans.get(i).resultNow();
            show(i + 1, span[0], span[1]);
        }
        long took = Math.round((System.nanoTime() - t0) / 1e8);
        IO.println("  took " + took / 10 + "." + took % 10 + " s");
        // playground:readonly-end
    }
}

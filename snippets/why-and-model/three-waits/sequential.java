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
    IO.println("sequential, plain loop:");
    long t0 = System.nanoTime();
    for (int n = 1; n <= 3; n++) {
        long start = System.nanoTime() - t0;
        Thread.sleep(1000); // blocks this thread for the whole second
        show(n, start, System.nanoTime() - t0);
    }
    long took = Math.round((System.nanoTime() - t0) / 1e8);
    IO.println("  took " + took / 10 + "." + took % 10 + " s");
}

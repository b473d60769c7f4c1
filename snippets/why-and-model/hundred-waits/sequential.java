final int N = 40; // 40 waits of 0.1 s, not 100, to keep this run under 5 s

void main() throws InterruptedException {
    long start = System.nanoTime();
    for (int i = 0; i < N; i++) {
        Thread.sleep(100); // stands in for one slow call; blocks this thread
    }
    IO.println("sequential, plain loop: " + N + " waits of 0.1 s took " + secondsSince(start) + " s");
}

double secondsSince(long start) { // rounded to one decimal
    return Math.round((System.nanoTime() - start) / 1e8) / 10.0;
}

void brew(String name, Duration delay, long start) throws InterruptedException {
    Thread.sleep(delay); // blocks this thread: here, the main thread
    IO.println("  " + name + " ready at " + secondsSince(start) + " s");
}

void main() throws InterruptedException {
    IO.println("sequential");
    long start = System.nanoTime();
    brew("tea", Duration.ofMillis(1000), start);
    brew("toast", Duration.ofMillis(500), start); // starts only after the tea is done
}

double secondsSince(long start) { // rounded to one decimal
    return Math.round((System.nanoTime() - start) / 1e8) / 10.0;
}

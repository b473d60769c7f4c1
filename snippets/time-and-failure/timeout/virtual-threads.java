String fetch(String name, long ms) throws InterruptedException {
    try {
        Thread.sleep(ms);
    } catch (InterruptedException e) {
        IO.println("  " + name + " cancelled");
        throw e;
    }
    IO.println("  " + name + " finished");
    return "report from " + name;
}

void main() throws Exception {
    long programStart = System.nanoTime();
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
        Future<String> fast = executor.submit(() -> fetch("fast", 100));
        IO.println("get(timeout): " + fast.get(300, TimeUnit.MILLISECONDS));

        long start = System.nanoTime();
        Future<String> slow = executor.submit(() -> fetch("slow", 1000));
        try {
            slow.get(300, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) { // only the waiting timed out: the task still runs
            IO.println("get(timeout): gave up after " + secondsSince(start) + " s");
            slow.cancel(true); // so stop it: interrupt its virtual thread
        }
    }
    IO.println("all done after " + secondsSince(programStart) + " s");
}

double secondsSince(long start) { // rounded to one decimal
    return Math.round((System.nanoTime() - start) / 1e8) / 10.0;
}

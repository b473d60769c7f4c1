import io.vertx.core.Future;
import io.vertx.core.Timer;
import io.vertx.core.Vertx;

final Map<String, Long> MIRRORS = Map.of("a", 300L, "b", 100L, "c", 200L); // delay of each copy, in ms

void main() {
    Vertx vertx = Vertx.vertx();
    long start = System.nanoTime();
    List<String> names = List.of("a", "b", "c");
    // A Vert.x Timer is a Future<Void> that completes after the delay; it can be cancelled.
    List<Timer> timers = names.stream().map(m -> vertx.timer(MIRRORS.get(m))).toList();
    List<Future<String>> replies = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
        String mirror = names.get(i);
        replies.add(timers.get(i).map(done -> {
            IO.println("  " + mirror + " replied");
            return "report from " + mirror;
        }));
    }

    // Future.any succeeds with the first success and fails only if all fail.
    Future.any(replies).await(); // await() blocks this thread, which is not a Vert.x thread
    String winner = replies.stream().filter(Future::succeeded).findFirst().orElseThrow().result();
    IO.println("winner: " + winner + " after " + secondsSince(start) + " s");

    // A Vert.x Future has no cancel(). Stop the work behind it instead: here, the timers.
    timers.forEach(Timer::cancel);
    IO.println("all done after " + secondsSince(start) + " s");
    vertx.close().await();
}

// In whole tenths, rounded down: a wait never ends early, so a slow start cannot turn 0.1 into 0.2.
double secondsSince(long start) {
    return Math.floorDiv(System.nanoTime() - start, 100_000_000L) / 10.0;
}

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

void legacyLookup() { // a blocking call, like a JDBC query
    try {
        Thread.sleep(1000);
    } catch (InterruptedException e) {
        throw new IllegalStateException(e);
    }
}

void main() throws Exception {
    long start = System.nanoTime();
    // With virtual threads there is no event loop to hold: a blocking call parks
    // only its own virtual thread, and the timer runs on time.
    Thread timer = Thread.ofVirtual().start(() -> {
        try {
            Thread.sleep(100); // a timer, due in 0.1 s
        } catch (InterruptedException e) {
            return;
        }
        IO.println("Thread.sleep: timer due at 0.1 s ran at " + secondsSince(start) + " s");
    });
    List<Thread> lookups = List.of(Thread.ofVirtual().start(this::legacyLookup), Thread.ofVirtual().start(this::legacyLookup));
    Thread.sleep(500);

    // Where is everything waiting? Take a thread dump that includes virtual threads.
    // From outside the process: jcmd <pid> Thread.dump_to_file -format=json <file>
    Path file = Path.of(System.getProperty("java.io.tmpdir"), "threads-" + ProcessHandle.current().pid() + ".json");
    ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
            .dumpThreads(file.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
    String dump = Files.readString(file);
    Files.delete(file);
    long inLookup = Pattern.compile("\\.legacyLookup\\(").matcher(dump).results().count();
    IO.println("thread dump: " + inLookup + " virtual threads are waiting in legacyLookup");

    timer.join();
    for (Thread lookup : lookups) lookup.join();
}

double secondsSince(long start) { // rounded to one decimal
    return Math.round((System.nanoTime() - start) / 1e8) / 10.0;
}

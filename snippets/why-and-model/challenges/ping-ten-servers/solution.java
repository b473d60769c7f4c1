// playground:hide-start
/** Stands in for a network call: waits 0.2 s for the answer. Server 7 is down. */
boolean ping(int server) throws InterruptedException {
    Thread.sleep(200);
    return server != 7;
}

// playground:hide-end
void main() throws Exception {
    int up = 0;
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) { // one virtual thread per ping
        List<Future<Boolean>> answers = new ArrayList<>();
        for (int server = 1; server <= 10; server++) {
            int id = server;
            answers.add(executor.submit(() -> ping(id))); // starts now; sleep parks only this thread
        }
        for (Future<Boolean> answer : answers) {
            if (answer.get()) { // waits for that ping; the others keep waiting alongside
                up++;
            }
        }
    }
    IO.println(up + " of 10 servers are up");
}

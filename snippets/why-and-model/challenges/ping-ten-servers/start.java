// playground:hide-start
/** Stands in for a network call: waits 0.2 s for the answer. Server 7 is down. */
boolean ping(int server) throws InterruptedException {
    Thread.sleep(200);
    return server != 7;
}

// playground:hide-end
void main() throws Exception {
    int up = 0;
    for (int server = 1; server <= 10; server++) {
        if (ping(server)) { // blocks this thread for 0.2 s, ten times over
            up++;
        }
    }
    IO.println(up + " of 10 servers are up");
}

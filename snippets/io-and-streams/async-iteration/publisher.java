final Map<Integer, String> NAMES = Map.of(1, "Ada Lovelace", 2, "Alan Turing", 3, "Grace Hopper");

// A Flow.Subscriber asks for items with request(n); the publisher pushes at most that many.
class Printer implements Flow.Subscriber<String> {
    final CountDownLatch finished = new CountDownLatch(1);
    Flow.Subscription subscription;

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(1); // ready for one item
    }

    @Override
    public void onNext(String name) {
        IO.println("got " + name);
        subscription.request(1); // ready for the next one
    }

    @Override
    public void onError(Throwable error) {
        IO.println("failed: " + error.getMessage());
        finished.countDown();
    }

    @Override
    public void onComplete() {
        IO.println("done");
        finished.countDown();
    }
}

void main() throws InterruptedException {
    Printer printer = new Printer();
    try (var publisher = new SubmissionPublisher<String>()) { // delivers on its own executor
        publisher.subscribe(printer);
        for (int id : List.of(1, 2, 3)) {
            Thread.sleep(100); // stands in for one request per user
            publisher.submit(NAMES.get(id)); // blocks only when the subscriber's buffer is full
        }
    } // close(): no more items; onComplete follows the ones already submitted
    printer.finished.await();
}

// playground:hide-start
/** Asks one shop for its price: fast-shop answers after 0.2 s, slow-shop after 2 s. */
int price(String shop) throws InterruptedException {
    try {
        Thread.sleep(shop.equals("fast-shop") ? 200 : 2000);
    } catch (InterruptedException e) {
        IO.println(shop + ": call cancelled");
        throw e;
    }
    return shop.equals("fast-shop") ? 42 : 39;
}

// playground:hide-end
String quote(ExecutorService executor, String shop) throws Exception {
    Future<Integer> call = executor.submit(() -> price(shop));
    return shop + ": " + call.get() + " EUR"; // waits as long as the shop takes
}

void main() throws Exception {
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
        IO.println(quote(executor, "fast-shop"));
        IO.println(quote(executor, "slow-shop"));
    } // close() waits for every task that is still running
    IO.println("done");
}

// Java has no await. If it had, you might write
//
//     String getUser(int id) { await delay(100); return await lookup(id); }
//
// This class is that method written out as a state machine, in the shape C#'s
// compiler generates: moveNext() runs from one await to the next, and at an
// unfinished future it registers itself as the continuation and returns.
class GetUser {
    final CompletableFuture<String> result = new CompletableFuture<>(); // what the caller gets
    private final int id;
    private int state = 0; // which await to resume at
    private CompletableFuture<Void> delay;
    private CompletableFuture<String> lookup;

    GetUser(int id) {
        this.id = id;
    }

    void moveNext() {
        try {
            switch (state) {
                case 0: // the first call
                    IO.println("  moveNext (state 0): started, awaiting delay(100)");
                    delay = delay(100);
                    state = 1;
                    if (!delay.isDone()) {
                        IO.println("  not done: state = 1, moveNext becomes the continuation, return");
                        delay.whenComplete((value, error) -> moveNext());
                        return; // the thread goes back to the caller
                    }
                    // already done: fall through and carry on
                case 1:
                    delay.join(); // rethrows a failure (wrapped in CompletionException)
                    IO.println("  moveNext (state 1): resumed, awaiting lookup(" + id + ")");
                    lookup = lookup(id);
                    state = 2;
                    if (!lookup.isDone()) {
                        lookup.whenComplete((value, error) -> moveNext());
                        return;
                    }
                    IO.println("  already done: no suspension");
                case 2:
                    String name = lookup.join();
                    IO.println("  result.complete(\"" + name + "\")");
                    result.complete(name);
            }
        } catch (CompletionException e) {
            IO.println("  result.completeExceptionally(" + e.getCause().getClass().getSimpleName() + ")");
            result.completeExceptionally(e.getCause());
        }
    }

    static CompletableFuture<Void> delay(long ms) {
        return CompletableFuture.runAsync(() -> {}, CompletableFuture.delayedExecutor(ms, TimeUnit.MILLISECONDS));
    }

    static CompletableFuture<String> lookup(int id) { // already complete, like a cache hit
        return id == 1
                ? CompletableFuture.completedFuture("Ada Lovelace")
                : CompletableFuture.failedFuture(new NoSuchElementException("no user " + id));
    }
}

CompletableFuture<String> getUserAsync(int id) {
    GetUser machine = new GetUser(id);
    machine.moveNext(); // runs the body up to the first await that has to wait
    return machine.result;
}

void main() {
    for (int id : List.of(1, 99)) {
        IO.println("getUserAsync(" + id + "):");
        CompletableFuture<String> future = getUserAsync(id);
        IO.println("  caller: got a future back, isDone = " + future.isDone());
        try {
            IO.println("  caller: join() gave " + future.join());
        } catch (CompletionException e) {
            IO.println("  caller: join() threw \"" + e.getCause().getMessage() + "\"");
        }
    }
}

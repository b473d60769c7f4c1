final Map<Integer, String> NAMES = Map.of(1, "Ada Lovelace", 2, "Alan Turing", 3, "Grace Hopper");

// A plain blocking method: no future, no callback.
String getUser(int id) throws InterruptedException {
    Thread.sleep(1000); // one slow call
    return NAMES.get(id);
}

void main() throws InterruptedException {
    long start = System.nanoTime();
    List<String> names = new ArrayList<>();
    for (int id : List.of(1, 2, 3)) {
        names.add(getUser(id)); // one after another
    }
    IO.println("sequential: " + String.join(", ", names) + " (took " + secondsSince(start) + " s)");
}

double secondsSince(long start) { // rounded to one decimal
    return Math.round((System.nanoTime() - start) / 1e8) / 10.0;
}

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

final String BASE_URL = "http://127.0.0.1:8765";
// The JDK has no JSON parser, and this demo avoids libraries:
// a small regex reads the "name" field from the known, flat response.
final Pattern NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]*)\"");

CompletableFuture<String> getNameAsync(HttpClient client, int id) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(BASE_URL + "/api/users/" + id)).build();
    return client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
        // Any status is a normal response here; check it yourself.
        if (response.statusCode() != 200) throw new IllegalStateException("user " + id + ": HTTP " + response.statusCode());
        Matcher m = NAME.matcher(response.body());
        if (!m.find()) throw new IllegalStateException("user " + id + ": no name in " + response.body());
        return m.group(1);
    });
}

void main() {
    // One client for every request; it keeps a pool of open connections.
    try (HttpClient client = HttpClient.newHttpClient()) {
        List<Integer> ids = List.of(1, 2, 3);
        // sendAsync starts each request at once: all three are in flight before the first join().
        List<CompletableFuture<String>> names = ids.stream().map(id -> getNameAsync(client, id)).toList();
        for (int i = 0; i < ids.size(); i++) {
            IO.println(ids.get(i) + ": " + names.get(i).join());
        }
    }
}

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

final String BASE_URL = "http://127.0.0.1:8765";

// ?delay=500: the demo API waits half a second before it answers.
HttpRequest request(int id) {
    return HttpRequest.newBuilder(URI.create(BASE_URL + "/api/users/" + id + "?delay=500")).build();
}

// The JDK has no JSON parser; a regex reads one string field of the small, flat answer.
String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
    if (!m.find()) throw new IllegalStateException("no " + name + " in " + json);
    return m.group(1);
}

String describe(int id, HttpResponse<String> response) {
    // Every status is an ordinary response here, as with fetch: check it yourself.
    if (response.statusCode() != 200) throw new IllegalStateException("user " + id + ": HTTP " + response.statusCode());
    return id + ": " + field(response.body(), "name") + " <" + field(response.body(), "email") + ">";
}

void main() {
    try (HttpClient client = HttpClient.newHttpClient()) { // one client, one connection pool
        // sendAsync starts each request at once, like calling fetch three times.
        List<CompletableFuture<String>> users = Stream.of(1, 2, 3)
                .map(id -> client.sendAsync(request(id), HttpResponse.BodyHandlers.ofString())
                        .thenApply(response -> describe(id, response)))
                .toList();
        CompletableFuture.allOf(users.toArray(CompletableFuture[]::new)).join(); // Promise.all
        users.forEach(user -> IO.println(user.join()));
    }
}

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpResponseExpectation;

// Each step returns a Vert.x Future, and compose() chains the next one, like then() in JavaScript.
Future<String> fetchAndPrint(HttpClient client, int id, int delayMs) {
    return client.request(HttpMethod.GET, 8765, "127.0.0.1", "/api/users/" + id + "?delay=" + delayMs)
            .compose(request -> request.send()
                    .expecting(HttpResponseExpectation.SC_OK) // fail the Future on any other status
                    .compose(HttpClientResponse::body))
            .map(Buffer::toJsonObject)
            .map(user -> {
                String name = user.getString("name");
                IO.println("arrived: " + name); // runs on the event loop
                return name;
            });
}

void main() {
    Vertx vertx = Vertx.vertx();
    try {
        HttpClient client = vertx.createHttpClient(); // one client for every request: it pools connections
        // The server waits delayMs before it answers, so the replies come back in a different order.
        List<Future<String>> names = List.of(
                fetchAndPrint(client, 1, 900), fetchAndPrint(client, 2, 100), fetchAndPrint(client, 3, 500));
        Future.all(names).await(); // main is not a Vert.x thread, so it may block here
        IO.println("in request order: " + String.join(", ", names.stream().map(Future::result).toList()));
    } finally {
        vertx.close().await(); // its event-loop threads would keep the JVM alive
    }
}

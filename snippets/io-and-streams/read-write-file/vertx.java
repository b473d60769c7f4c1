import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.FileSystem;

final String CSV = "1,Ada Lovelace\n2,Alan Turing\n3,Grace Hopper\n";

void main() {
    Vertx vertx = Vertx.vertx();
    try {
        FileSystem fs = vertx.fileSystem();
        // Every call returns a Future at once; compose() is Vert.x's then().
        Future<Void> done = fs.createTempFile("users-", ".csv").compose(file ->
                fs.writeFile(file, Buffer.buffer(CSV))
                        .compose(written -> fs.readFile(file))
                        .map(buffer -> {
                            List<String> lines = buffer.toString().lines().toList();
                            IO.println("read " + lines.size() + " lines back:");
                            for (String line : lines) IO.println("  " + line);
                            return (Void) null;
                        })
                        // eventually() is Vert.x's finally(): it runs on success and on failure.
                        .eventually(() -> fs.delete(file).onSuccess(deleted -> IO.println("file deleted"))));
        done.await(); // main is not a Vert.x thread, so it may block here
    } finally {
        vertx.close().await(); // its event-loop threads would keep the JVM alive
    }
}

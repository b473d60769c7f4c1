package dev.polyglot.playground.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Nodes of a test cluster, started from the built jar as processes of their own. */
final class Nodes {
  private Nodes() {}

  static final Path JAR = Path.of("target", "polyglot-playground.jar");
  static final Path LOGS = Path.of("target", "cluster-it");

  /** A port that was free a moment ago. */
  static int freePort() {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A PKCS#12 store with one new key pair, made by the JDK's keytool. */
  static Path keyStore(Path file, String password) throws IOException, InterruptedException {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    var process =
        new ProcessBuilder(
                keytool.toString(),
                "-genkeypair",
                "-alias",
                "node",
                "-keyalg",
                "EC",
                "-dname",
                "CN=polyglot-playground-node",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                file.toString(),
                "-storepass",
                password)
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IOException("keytool failed: " + output);
    }
    return file;
  }

  /** {@code java -jar} with this JVM's java; output goes to target/cluster-it/NAME.log. */
  static Process start(String name, List<String> args) throws IOException {
    Files.createDirectories(LOGS);
    var command = new ArrayList<String>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(List.of("-jar", JAR.toString()));
    command.addAll(args);
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(LOGS.resolve(name + ".log").toFile())
        .start();
  }
}

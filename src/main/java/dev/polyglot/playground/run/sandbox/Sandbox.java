package dev.polyglot.playground.run.sandbox;

import dev.polyglot.playground.run.Limits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * How a worker JVM is launched: as its own unprivileged uid, with resource limits, inside
 * bubblewrap with every namespace unshared (so no network but its own loopback), a read-only root,
 * and a private /tmp. Without bubblewrap the same JVM runs unsandboxed, which the runner allows for
 * the lessons' own code only, unless the operator opted in to more.
 */
final class Sandbox {
  /** How runs are isolated on this server. */
  enum Mode {
    SANDBOXED("sandboxed"),
    BUNDLED_ONLY("unsandboxed: lesson code only"),
    UNSAFE("UNSANDBOXED: any code (operator opted in)");

    final String description;

    Mode(String description) {
      this.description = description;
    }
  }

  static final int UID_BASE = 40000;
  private static final List<String> SYSTEM_LIBS =
      List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib/aarch64-linux-gnu");

  private final Mode mode;
  private final WorkerFiles files;
  // The runtime children run on (WorkerRuntime). A sandbox sees it at SANDBOX_JDK: it may live in
  // the work folder under /tmp, which the sandbox's private /tmp would hide.
  private final Path javaHome;

  static final String SANDBOX_JDK = "/app/jdk";
  private final Limits limits;
  private final boolean root;
  private final Optional<Path> seccomp;

  /** Writes the seccomp filter next to the workers' files; blocking, so off the event loop. */
  Sandbox(Mode mode, WorkerFiles files, Limits limits, Path javaHome) throws IOException {
    this.mode = mode;
    this.javaHome = javaHome;
    this.files = files;
    this.limits = limits;
    this.root = "root".equals(System.getProperty("user.name"));
    Optional<byte[]> filter =
        mode == Mode.SANDBOXED ? SeccompFilter.forThisMachine() : Optional.empty();
    if (filter.isPresent()) {
      Path file = files.root().resolve("seccomp.bpf");
      Files.write(file, filter.get());
      this.seccomp = Optional.of(file);
    } else {
      this.seccomp = Optional.empty();
    }
  }

  /** The runtime children run on, as the server sees it. */
  Path javaHome() {
    return javaHome;
  }

  Mode mode() {
    return mode;
  }

  /** Whether sandboxed processes get the seccomp filter (x86-64 only, and only in a sandbox). */
  boolean filtered() {
    return seccomp.isPresent();
  }

  /** Probes bubblewrap with a real sandboxed command; blocking, run it off the event loop. */
  static boolean available() {
    try {
      Process probe =
          new ProcessBuilder(
                  "bwrap", "--unshare-all", "--die-with-parent", "--ro-bind", "/", "/", "true")
              .redirectErrorStream(true)
              .start();
      probe.getInputStream().readAllBytes();
      return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** What a sandboxed JVM is for. */
  enum Role {
    /** Runs one program: pooled, or started for a waiting run. */
    WORKER("dev.polyglot.playground.run.worker.WorkerMain"),
    /** A worker that records the AOT cache as it runs a typical program once. */
    TRAINING("dev.polyglot.playground.run.worker.WorkerMain"),
    /** The long-lived compile service: compiles edited code for many runs and runs none of it. */
    COMPILER("dev.polyglot.playground.run.worker.CompilerMain"),
    /**
     * Checks the sandbox from inside with native calls ({@code SyscallProbe}): the one role that
     * may call native code, started only to check the sandbox itself, never for a run.
     */
    PROBE("dev.polyglot.playground.run.worker.SyscallProbe");

    final String mainClass;

    Role(String mainClass) {
      this.mainClass = mainClass;
    }
  }

  /**
   * Whether the JVM uses the JDK 25 AOT cache (classes loaded and linked, method profiles), or
   * records it: a training run compiles and runs a typical program once, and the cache it leaves
   * makes every later worker start faster and compile sooner.
   */
  enum Aot {
    NONE,
    TRAIN,
    USE
  }

  static final String AOT_FILE = "worker.aot";

  /** Where the cache lives on the host; the sandbox sees it at {@code /app/aot}. */
  Path aotDir() {
    return files.root().resolve("aot");
  }

  private String aotPath() {
    return (mode == Mode.SANDBOXED ? "/app/aot" : aotDir().toString()) + "/" + AOT_FILE;
  }

  /** The command for a child in pool slot {@code slot}; each slot has its own uid. */
  List<String> command(Role role, int slot, int warmups, Aot aot) {
    List<String> cmd = new ArrayList<>();
    if (mode == Mode.SANDBOXED) {
      List<String> binds = new ArrayList<>(List.of("--ro-bind", javaHome.toString(), SANDBOX_JDK));
      if (aot != Aot.NONE) {
        binds.addAll(
            List.of(aot == Aot.TRAIN ? "--bind" : "--ro-bind", aotDir().toString(), "/app/aot"));
      }
      jail(
          cmd,
          UID_BASE + slot,
          // The training run writes the cache itself: tens of MB.
          aot == Aot.TRAIN ? 4096 : 256,
          aot == Aot.TRAIN ? 512L << 20 : limits.fileBytes(),
          // The compile service lives for many compiles; the server times each one instead.
          role != Role.COMPILER,
          // Not for the training run, which is our own.
          role != Role.TRAINING,
          binds);
    }
    cmd.addAll(jvm(role, warmups, aot));
    return cmd;
  }

  /**
   * The JVM's own part of {@link #command}: what the JVM sees. In a sandbox it names only the
   * sandbox's paths, so it is the same in every work folder, and an AOT cache recorded for it at
   * build time ({@code prepare}) is valid for any server started with the same settings.
   */
  List<String> jvm(Role role, int warmups, Aot aot) {
    List<String> cmd = new ArrayList<>();
    cmd.add(
        (mode == Mode.SANDBOXED ? Path.of(SANDBOX_JDK) : javaHome).resolve("bin/java").toString());
    cmd.addAll(
        List.of(
            "-XX:+UseSerialGC",
            "-XX:-UsePerfData",
            "-XX:+DisableAttachMechanism",
            "-Xss512k",
            "-Xmx" + limits.heapMb() + "m",
            "-XX:MaxMetaspaceSize=128m",
            "-XX:MaxDirectMemorySize=32m",
            "-Djava.io.tmpdir=/tmp",
            "-Dfile.encoding=UTF-8",
            "-Dstdout.encoding=UTF-8",
            "-Dstderr.encoding=UTF-8",
            "--add-exports=java.base/jdk.internal.vm=ALL-UNNAMED",
            // javac's context pool, which makes the reader's compile reuse the warm-ups' work.
            "--add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED",
            // Reader code may not call native code: FFM downcalls and JNI's loadLibrary throw
            // IllegalCallerException. Only the sandbox probe, which is ours, may.
            role == Role.PROBE
                ? "--enable-native-access=ALL-UNNAMED"
                : "--illegal-native-access=deny"));
    if (role != Role.COMPILER) {
      cmd.addAll(
          List.of(
              // A worker lives for one run: C2 would not pay for itself. C1 keeps its thresholds:
              // compiling ten times later saved a worker 15-20 ms of CPU at start, but the lessons'
              // HTTP programs ran 14% longer (the JDK's client and server, interpreted longer).
              "-XX:TieredStopAtLevel=1",
              // The AOT cache's method profiles are for C2, which workers never use, yet a JVM
              // that finds them replays them on a thread of its own at start: 5-10 ms of a
              // worker's CPU for nothing (measured side by side).
              "-XX:+UnlockDiagnosticVMOptions",
              "-XX:-AOTReplayTraining",
              // Resident memory limits how many workers fit, so the heap starts small. A 32 MiB
              // young generation makes javac about a third faster but takes a worker past 110
              // MiB (measured with bench/RunBench.java; see the README).
              "-Xms16m",
              "-Xmn12m"));
    } else {
      // One process, compiling for every reader: fewer collections matter more than its size.
      cmd.addAll(List.of("-Xms" + Math.min(48, limits.heapMb()) + "m"));
    }
    switch (aot) {
      case TRAIN -> cmd.add("-XX:AOTCacheOutput=" + aotPath());
      case USE -> cmd.add("-XX:AOTCache=" + aotPath());
      case NONE -> {}
    }
    cmd.addAll(
        List.of(
            "-cp",
            files.classPath(mode == Mode.SANDBOXED),
            role.mainClass,
            String.valueOf(warmups)));
    return cmd;
  }

  /**
   * The command for a Python or JavaScript worker in slot {@code slot} of its runtime's pool: the
   * same jail as a JVM's, with the interpreter's own folders bound read-only instead of the JDK.
   */
  List<String> command(ScriptRuntime runtime, int slot) {
    List<String> cmd = new ArrayList<>();
    String lib = files.lib().toString();
    if (mode == Mode.SANDBOXED) {
      List<String> binds = new ArrayList<>();
      for (Path path : runtime.binds()) {
        binds.addAll(List.of("--ro-bind", path.toString(), path.toString()));
      }
      jail(cmd, UID_BASE + runtime.uidOffset() + slot, 256, limits.fileBytes(), true, true, binds);
      lib = WorkerFiles.SANDBOX_LIB;
    }
    cmd.addAll(runtime.command(limits));
    cmd.add(lib + "/" + runtime.harness());
    cmd.add(lib + "/" + ScriptRuntime.DEMO_API);
    return cmd;
  }

  /**
   * Puts {@code cmd} in the jail: the seccomp filter, an empty environment, the uid, resource
   * limits, and bubblewrap with every namespace unshared and nothing writable but a small /tmp.
   */
  private void jail(
      List<String> cmd,
      int uid,
      int files,
      long fileBytes,
      boolean cpuLimit,
      boolean dataLimit,
      List<String> binds) {
    // bubblewrap reads the seccomp filter from a file descriptor, and a ProcessBuilder passes
    // only 0-2: a shell opens the file as fd 3 and execs the rest, arguments unquoted in "$@".
    seccomp.ifPresent(
        filter -> cmd.addAll(List.of("/bin/sh", "-c", "exec \"$@\" 3<\"$0\"", filter.toString())));
    // env -i: otherwise the child can read the server's environment. Not niced: a program's
    // timings are what the lessons show, and a niced one loses them whenever the host is busy.
    cmd.addAll(List.of("env", "-i"));
    if (root) {
      cmd.addAll(List.of("setpriv", "--reuid=" + uid, "--regid=" + uid, "--clear-groups"));
    }
    cmd.addAll(
        List.of(
            "prlimit",
            "--nproc=" + limits.processes(),
            "--nofile=" + files,
            "--fsize=" + fileBytes,
            // A run's soft limit sends SIGXCPU (exit 152), which says "CPU limit"; the hard one,
            // a second later, is SIGKILL, which is otherwise how a worker killed from outside
            // (the OOM killer, an operator) ends.
            "--cpu="
                + (cpuLimit ? limits.cpuSeconds() + ":" + (limits.cpuSeconds() + 1) : "unlimited"),
            "--core=0"));
    // RLIMIT_DATA caps what a child commits, heap and native alike (FFM arenas, malloc, thread
    // stacks); -Xmx caps only a JVM's heap.
    if (dataLimit) {
      cmd.add("--data=" + limits.memoryBytes());
    }
    cmd.add("--");
    cmd.addAll(
        List.of(
            "bwrap",
            "--unshare-all",
            "--unshare-user",
            "--die-with-parent",
            "--new-session",
            "--clearenv",
            "--cap-drop",
            "ALL",
            "--disable-userns",
            "--hostname",
            "sandbox"));
    if (seccomp.isPresent()) {
      cmd.addAll(List.of("--seccomp", "3"));
    }
    cmd.addAll(binds);
    for (String lib : SYSTEM_LIBS) {
      if (Files.isDirectory(Path.of(lib))) {
        bind(cmd, lib);
      }
    }
    cmd.addAll(List.of("--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64"));
    cmd.addAll(List.of("--ro-bind", this.files.lib().toString(), WorkerFiles.SANDBOX_LIB));
    cmd.addAll(
        List.of(
            "--proc",
            "/proc",
            "--dev",
            "/dev",
            "--size",
            String.valueOf(limits.tmpBytes()),
            "--tmpfs",
            "/tmp",
            "--size",
            "1048576",
            "--tmpfs",
            "/dev/shm",
            // Without this, / is a writable tmpfs as big as half the RAM.
            "--remount-ro",
            "/",
            "--chdir",
            "/tmp",
            "--setenv",
            "HOME",
            "/tmp",
            "--setenv",
            "LANG",
            "C.UTF-8"));
  }

  private static void bind(List<String> cmd, String path) {
    cmd.addAll(List.of("--ro-bind", path, path));
  }
}

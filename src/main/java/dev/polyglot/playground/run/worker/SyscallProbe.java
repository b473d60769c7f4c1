package dev.polyglot.playground.run.worker;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks the sandbox from inside, as a program in it sees it: the seccomp mode the kernel reports,
 * and what a few system calls answer. Reader code may not call native code, so this is the one
 * sandboxed process that may (the server starts it only to check its own sandbox, never for a run).
 * Prints one line per check: {@code seccomp 2}, then {@code <call> <result> <errno>}.
 */
public final class SyscallProbe {
  private SyscallProbe() {}

  public static void main(String[] args) throws Throwable {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("Seccomp:")) {
        System.out.println("seccomp " + line.substring("Seccomp:".length()).strip());
      }
    }
    Linker linker = Linker.nativeLinker();
    MethodHandle syscall =
        linker.downcallHandle(
            linker.defaultLookup().find("syscall").orElseThrow(),
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG),
            Linker.Option.captureCallState("errno"),
            Linker.Option.firstVariadicArg(1));
    var state = Linker.Option.captureStateLayout();
    VarHandle errno = state.varHandle(PathElement.groupElement("errno"));
    // x86-64 numbers: the probe runs only where the filter has a table.
    call(syscall, errno, state, "getpid", 39, 0);
    call(syscall, errno, state, "ptrace", 101, 0); // PTRACE_TRACEME
    call(syscall, errno, state, "keyctl", 250, 0); // KEYCTL_GET_KEYRING_ID
    call(syscall, errno, state, "unshare", 272, 0x10000000); // CLONE_NEWUSER
  }

  private static void call(
      MethodHandle syscall,
      VarHandle errno,
      java.lang.foreign.StructLayout state,
      String name,
      long nr,
      long arg)
      throws Throwable {
    try (Arena arena = Arena.ofConfined()) {
      var captured = arena.allocate(state);
      long result = (long) syscall.invokeExact(captured, nr, arg, 0L, 0L);
      // errno means something only when the call failed.
      int error = result == -1 ? (int) errno.get(captured, 0L) : 0;
      System.out.println(name + " " + result + " " + error);
    }
  }
}

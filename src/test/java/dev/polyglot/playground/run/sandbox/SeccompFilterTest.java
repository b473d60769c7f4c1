package dev.polyglot.playground.run.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The seccomp filter, decoded from the bytes bubblewrap reads and run by a small classic-BPF
 * interpreter, as the kernel would run it for one system call.
 */
class SeccompFilterTest {
  static final int ALLOW = SeccompFilter.RET_ALLOW;
  static final int EPERM = SeccompFilter.RET_ERRNO | 1;
  static final int KILL = SeccompFilter.RET_KILL_PROCESS;

  /** Instructions the last run executed. */
  static int steps;

  /** Decodes {@code struct sock_filter[]} and runs it over {@code struct seccomp_data}. */
  static int run(byte[] filter, int arch, int nr, long arg0) {
    var in = ByteBuffer.wrap(filter).order(ByteOrder.nativeOrder());
    List<SeccompFilter.Instruction> program = new ArrayList<>();
    while (in.hasRemaining()) {
      program.add(
          new SeccompFilter.Instruction(
              in.getShort(), in.get() & 0xff, in.get() & 0xff, in.getInt()));
    }
    var data = ByteBuffer.allocate(64).order(ByteOrder.nativeOrder());
    data.putInt(0, nr).putInt(4, arch).putLong(16, arg0);
    int a = 0;
    steps = 0;
    for (int pc = 0; pc < program.size(); pc++) {
      var i = program.get(pc);
      steps++;
      switch (i.code()) {
        case SeccompFilter.LD_W_ABS -> a = data.getInt(i.k());
        case SeccompFilter.JEQ_K -> pc += a == i.k() ? i.jt() : i.jf();
        case SeccompFilter.JGE_K -> pc += Integer.compareUnsigned(a, i.k()) >= 0 ? i.jt() : i.jf();
        case SeccompFilter.RET_K -> {
          return i.k();
        }
        default -> throw new AssertionError("unknown opcode " + i.code());
      }
    }
    throw new AssertionError("the program fell off its end");
  }

  static int x86(int nr, long arg0) {
    return run(SeccompFilter.x86_64(), SeccompFilter.AUDIT_ARCH_X86_64, nr, arg0);
  }

  @ParameterizedTest(name = "{0} ({1}) is denied")
  @CsvSource({
    "ptrace, 101",
    "process_vm_readv, 310",
    "process_vm_writev, 311",
    "keyctl, 250",
    "add_key, 248",
    "bpf, 321",
    "userfaultfd, 323",
    "perf_event_open, 298",
    "io_uring_setup, 425",
    "io_uring_enter, 426",
    "init_module, 175",
    "finit_module, 313",
    "mount, 165",
    "kexec_load, 246",
    "kexec_file_load, 320",
    "unshare, 272",
    "setns, 308",
  })
  void theKernelsAttackSurfaceIsDenied(String name, int nr) {
    assertThat(SeccompFilter.DENIED_X86_64).containsEntry(name, nr);
    assertThat(x86(nr, 0)).isEqualTo(EPERM);
  }

  @ParameterizedTest(name = "{0} ({1}) is allowed")
  @CsvSource({
    "read, 0",
    "write, 1",
    "mmap, 9",
    "clone, 56",
    "futex, 202",
    "clone3, 435",
    "getpid, 39",
    "socket, 41",
    "execve, 59",
  })
  void whatProgramsAndTheJvmNeedIsAllowed(String name, int nr) {
    assertThat(x86(nr, 0)).isEqualTo(ALLOW);
  }

  @Test
  void everyDeniedCallIsDeniedAndTheX32AbiToo() {
    SeccompFilter.DENIED_X86_64.forEach(
        (name, nr) -> assertThat(x86(nr, 0)).as(name).isEqualTo(EPERM));
    assertThat(x86(0x40000000 | 101, 0)).as("x32 ptrace").isEqualTo(EPERM);
    assertThat(x86(0x40000000, 0)).as("x32 read").isEqualTo(EPERM);
  }

  @Test
  void everyNumberUpToSixHundredGetsTheAnswerOfTheTable() {
    for (int nr = 0; nr < 600; nr++) {
      int expected =
          nr == 135 ? ALLOW : SeccompFilter.DENIED_X86_64.containsValue(nr) ? EPERM : ALLOW;
      assertThat(x86(nr, 0)).as("system call %d", nr).isEqualTo(expected);
    }
  }

  @Test
  void aCallIsDecidedInAHandfulOfInstructions() {
    // The tree of comparisons: no call walks the whole list, which every system call would pay.
    for (int nr : new int[] {0, 1, 9, 202, 232, 435, 101, 442}) {
      x86(nr, 0);
      assertThat(steps).as("instructions for call %d", nr).isLessThanOrEqualTo(14);
    }
  }

  @Test
  void personalityOnlyForHarmlessPersonas() {
    assertThat(x86(135, 0)).isEqualTo(ALLOW);
    assertThat(x86(135, 0xffffffffL)).as("query").isEqualTo(ALLOW);
    assertThat(x86(135, 0x0040000)).as("ADDR_NO_RANDOMIZE").isEqualTo(EPERM);
    assertThat(x86(135, 0x0400000)).as("READ_IMPLIES_EXEC").isEqualTo(EPERM);
  }

  @Test
  void anotherArchitectureIsKilled() {
    int i386 = 0x40000003;
    assertThat(run(SeccompFilter.x86_64(), i386, 39, 0)).isEqualTo(KILL);
  }

  @Test
  void itIsEightBytesAnInstruction() {
    assertThat(SeccompFilter.x86_64()).hasSize(SeccompFilter.program().size() * 8);
  }
}

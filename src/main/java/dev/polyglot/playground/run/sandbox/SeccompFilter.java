package dev.polyglot.playground.run.sandbox;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The seccomp filter every sandboxed process gets (through bubblewrap's {@code --seccomp}): a
 * classic BPF program, built here, that answers the kernel's classic attack surface with {@code
 * EPERM} and allows the rest. EPERM rather than a kill, so that a program sees an ordinary
 * exception and its output so far is kept. It denies debugging and reading other processes (ptrace,
 * process_vm_*), the keyring, eBPF, userfaultfd, perf events, io_uring, kernel modules, mounts,
 * kexec, new namespaces (unshare, setns), the clock, swap, reboot, and personality changes other
 * than the harmless ones glibc and the JVM make. Only x86-64 has a table: elsewhere the sandbox
 * runs without a filter and says so.
 *
 * <pre>
 *   arch == x86-64 ? ─ no ──────────────────────────────► kill the process
 *   nr ≥ 0x40000000 (the x32 ABI) ? ─ yes ──────────────► EPERM
 *   nr in the denied list (a tree of comparisons) ? ─ yes ► EPERM
 *   nr == personality ? ─ yes ─ args[0] harmless ? ─ no ► EPERM
 *   ───────────────────────────────────────────────────► allow
 * </pre>
 */
final class SeccompFilter {
  static final int AUDIT_ARCH_X86_64 = 0xc000003e;
  static final int RET_KILL_PROCESS = 0x80000000;
  static final int RET_ERRNO = 0x00050000;
  static final int RET_ALLOW = 0x7fff0000;
  static final int EPERM = 1;
  static final int X32_SYSCALL_BIT = 0x40000000;

  // Classic BPF opcodes.
  static final short LD_W_ABS = 0x20;
  static final short JEQ_K = 0x15;
  static final short JGE_K = 0x35;
  static final short RET_K = 0x06;

  // Offsets in struct seccomp_data.
  static final int NR = 0;
  static final int ARCH = 4;
  static final int ARG0_LOW = 16;

  /** System calls answered with EPERM, by x86-64 number. */
  static final Map<String, Integer> DENIED_X86_64 =
      Map.ofEntries(
          Map.entry("ptrace", 101),
          Map.entry("syslog", 103),
          Map.entry("uselib", 134),
          Map.entry("ustat", 136),
          Map.entry("sysfs", 139),
          Map.entry("vhangup", 153),
          Map.entry("pivot_root", 155),
          Map.entry("_sysctl", 156),
          Map.entry("adjtimex", 159),
          Map.entry("chroot", 161),
          Map.entry("acct", 163),
          Map.entry("settimeofday", 164),
          Map.entry("mount", 165),
          Map.entry("umount2", 166),
          Map.entry("swapon", 167),
          Map.entry("swapoff", 168),
          Map.entry("reboot", 169),
          Map.entry("iopl", 172),
          Map.entry("ioperm", 173),
          Map.entry("create_module", 174),
          Map.entry("init_module", 175),
          Map.entry("delete_module", 176),
          Map.entry("get_kernel_syms", 177),
          Map.entry("query_module", 178),
          Map.entry("quotactl", 179),
          Map.entry("nfsservctl", 180),
          Map.entry("lookup_dcookie", 212),
          Map.entry("clock_settime", 227),
          Map.entry("kexec_load", 246),
          Map.entry("add_key", 248),
          Map.entry("request_key", 249),
          Map.entry("keyctl", 250),
          Map.entry("migrate_pages", 256),
          Map.entry("unshare", 272),
          Map.entry("move_pages", 279),
          Map.entry("perf_event_open", 298),
          Map.entry("fanotify_init", 300),
          Map.entry("name_to_handle_at", 303),
          Map.entry("open_by_handle_at", 304),
          Map.entry("clock_adjtime", 305),
          Map.entry("setns", 308),
          Map.entry("process_vm_readv", 310),
          Map.entry("process_vm_writev", 311),
          Map.entry("kcmp", 312),
          Map.entry("finit_module", 313),
          Map.entry("kexec_file_load", 320),
          Map.entry("bpf", 321),
          Map.entry("userfaultfd", 323),
          Map.entry("io_uring_setup", 425),
          Map.entry("io_uring_enter", 426),
          Map.entry("io_uring_register", 427),
          Map.entry("open_tree", 428),
          Map.entry("move_mount", 429),
          Map.entry("fsopen", 430),
          Map.entry("fsconfig", 431),
          Map.entry("fsmount", 432),
          Map.entry("fspick", 433),
          Map.entry("mount_setattr", 442));

  static final int PERSONALITY_X86_64 = 135;

  /**
   * personality() arguments that change nothing dangerous: the default (PER_LINUX), PER_LINUX32,
   * UNAME26 variants, and 0xffffffff, which only asks for the current persona.
   */
  static final List<Integer> HARMLESS_PERSONAS = List.of(0, 0x8, 0x20000, 0x20008, 0xffffffff);

  private SeccompFilter() {}

  /** The filter for this JVM's architecture, as bubblewrap reads it; empty where there is none. */
  static Optional<byte[]> forThisMachine() {
    String arch = System.getProperty("os.arch");
    return arch.equals("amd64") || arch.equals("x86_64") ? Optional.of(x86_64()) : Optional.empty();
  }

  /** One instruction of a classic BPF program ({@code struct sock_filter}). */
  record Instruction(short code, int jt, int jf, int k) {}

  static byte[] x86_64() {
    return encode(program());
  }

  /** The program as instructions, for the test that runs it. */
  static List<Instruction> program() {
    // The system call number is looked up in a balanced tree of comparisons, so that the calls a
    // program makes all the time (read, futex, mmap) pass after a handful of instructions rather
    // than after one per denied call. Every jump is forward; the block that checks personality's
    // argument and the three returns come last.
    List<Integer> special = new ArrayList<>(DENIED_X86_64.values());
    special.add(PERSONALITY_X86_64);
    List<Integer> sorted = special.stream().sorted().toList();
    List<Instruction> tree = new ArrayList<>();
    tree(sorted, tree);

    int head = 4; // ld arch, jeq arch, ld nr, jge x32
    int personality = head + tree.size();
    int allow = personality + 1 + HARMLESS_PERSONAS.size() + 1;
    int deny = allow + 1;
    int kill = deny + 1;

    List<Instruction> code = new ArrayList<>();
    code.add(new Instruction(LD_W_ABS, 0, 0, ARCH));
    code.add(jeq(code.size(), AUDIT_ARCH_X86_64, code.size() + 1, kill));
    code.add(new Instruction(LD_W_ABS, 0, 0, NR));
    code.add(jge(code.size(), X32_SYSCALL_BIT, deny, code.size() + 1));
    for (int i = 0; i < tree.size(); i++) {
      Instruction node = tree.get(i);
      int at = head + i;
      code.add(
          new Instruction(
              node.code(),
              resolve(at, node.jt(), head, personality, allow, deny),
              resolve(at, node.jf(), head, personality, allow, deny),
              node.k()));
    }
    code.add(new Instruction(LD_W_ABS, 0, 0, ARG0_LOW));
    for (int persona : HARMLESS_PERSONAS) {
      code.add(jeq(code.size(), persona, allow, code.size() + 1));
    }
    code.add(new Instruction(RET_K, 0, 0, RET_ERRNO | EPERM)); // a persona that is not harmless
    code.add(new Instruction(RET_K, 0, 0, RET_ALLOW));
    code.add(new Instruction(RET_K, 0, 0, RET_ERRNO | EPERM));
    code.add(new Instruction(RET_K, 0, 0, RET_KILL_PROCESS));
    if (code.size() != kill + 1) {
      throw new IllegalStateException("filter length " + code.size() + " != " + (kill + 1));
    }
    return code;
  }

  // Jump targets inside the tree, before they are resolved to offsets: a non-negative value is an
  // index in the tree; these stand for the blocks after it.
  private static final int TO_PERSONALITY = -1;
  private static final int TO_ALLOW = -2;
  private static final int TO_DENY = -3;

  /**
   * Appends the comparisons for {@code numbers} (sorted) to {@code tree}: above three numbers, a
   * split on the middle one; at most three, one equality test each. Targets are tree indexes or the
   * TO_ constants, resolved once the whole layout is known.
   */
  private static void tree(List<Integer> numbers, List<Instruction> tree) {
    if (numbers.size() <= 3) {
      for (int i = 0; i < numbers.size(); i++) {
        int nr = numbers.get(i);
        int hit = nr == PERSONALITY_X86_64 ? TO_PERSONALITY : TO_DENY;
        int miss = i + 1 < numbers.size() ? tree.size() + 1 : TO_ALLOW;
        tree.add(new Instruction(JEQ_K, hit, miss, nr));
      }
      return;
    }
    int mid = numbers.size() / 2;
    int split = tree.size();
    tree.add(null); // filled in once the left side's length is known
    tree(numbers.subList(0, mid), tree);
    int right = tree.size();
    tree(numbers.subList(mid, numbers.size()), tree);
    tree.set(split, new Instruction(JGE_K, right, split + 1, numbers.get(mid)));
  }

  private static int resolve(int at, int target, int head, int personality, int allow, int deny) {
    int absolute =
        switch (target) {
          case TO_PERSONALITY -> personality;
          case TO_ALLOW -> allow;
          case TO_DENY -> deny;
          default -> head + target;
        };
    return offset(at, absolute);
  }

  /** A comparison at {@code at} that goes to instruction {@code yes} or {@code no}. */
  private static Instruction jeq(int at, int k, int yes, int no) {
    return new Instruction(JEQ_K, offset(at, yes), offset(at, no), k);
  }

  private static Instruction jge(int at, int k, int yes, int no) {
    return new Instruction(JGE_K, offset(at, yes), offset(at, no), k);
  }

  private static int offset(int at, int target) {
    int offset = target - at - 1;
    if (offset < 0 || offset > 255) {
      throw new IllegalStateException("jump out of range: " + at + " to " + target);
    }
    return offset;
  }

  /** {@code struct sock_filter[]} in the machine's byte order. */
  static byte[] encode(List<Instruction> program) {
    var bytes = ByteBuffer.allocate(program.size() * 8).order(ByteOrder.nativeOrder());
    for (var i : program) {
      bytes.putShort(i.code()).put((byte) i.jt()).put((byte) i.jf()).putInt(i.k());
    }
    return bytes.array();
  }
}

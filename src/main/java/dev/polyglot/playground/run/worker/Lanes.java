package dev.polyglot.playground.run.worker;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Predicate;

/**
 * How the timeline names each thread of a run, once and for good: output lines and spans must agree
 * on it. A name the program gave its thread is kept. A thread with no name, or only the JDK's
 * numbered default ({@code pool-1-thread-2}, {@code Thread-3}, a fork-join worker), is named after
 * the first method of the program it runs, as Python and JavaScript lanes are named after their
 * coroutine function: {@code download}, then {@code download #2}. A learner reads what the task
 * does, never a thread number.
 */
final class Lanes {
  /** The functional interfaces' methods: a task that is an object is named after its class. */
  private static final Set<String> SAM =
      Set.of("run", "call", "get", "accept", "apply", "compute", "handle");

  private final Predicate<String> programClass;
  private final Map<Thread, String> labels = Collections.synchronizedMap(new WeakHashMap<>());
  private final Map<String, Integer> counts = new HashMap<>();
  private final Set<String> taken = new HashSet<>();

  /** {@code programClass} tells the run's own classes from the JDK's and the worker's. */
  Lanes(Predicate<String> programClass) {
    this.programClass = programClass;
  }

  /** The thread's label, choosing it now (from its current stack) if it has none yet. */
  String label(Thread thread) {
    String known = labels.get(thread);
    return known != null ? known : name(thread, stack(thread), true);
  }

  /**
   * The thread's label if it is known or can be told from its stack now; {@code null} while an
   * unnamed thread has not reached the program's code yet (it was only just started).
   */
  String labelIfKnown(Thread thread) {
    String known = labels.get(thread);
    return known != null ? known : name(thread, stack(thread), false);
  }

  private static StackTraceElement[] stack(Thread thread) {
    return named(thread) ? new StackTraceElement[0] : thread.getStackTrace();
  }

  /** Whether the thread's name is the program's own, not the JDK's numbered default. */
  static boolean named(Thread thread) {
    return !DefaultNames.isDefault(thread.getName());
  }

  private synchronized String name(Thread thread, StackTraceElement[] stack, boolean force) {
    String known = labels.get(thread);
    if (known != null) {
      return known;
    }
    String base;
    if (named(thread)) {
      base = thread.getName();
    } else {
      base = task(stack);
      if (base == null && !force) {
        return null;
      }
      if (base == null) {
        base = thread.isVirtual() ? "virtual thread" : "thread";
      }
    }
    String label = unique(base, named(thread));
    labels.put(thread, label);
    return label;
  }

  /** A name the program chose is used as it is; a derived one is numbered from its second use. */
  private String unique(String base, boolean given) {
    if (given) {
      taken.add(base);
      return base;
    }
    int n = counts.getOrDefault(base, 0);
    String label;
    do {
      n++;
      label = n == 1 ? base : base + " #" + n;
    } while (taken.contains(label));
    counts.put(base, n);
    taken.add(label);
    return label;
  }

  /** The line of the innermost frame in the program's own code, or 0 if there is none. */
  int line(StackTraceElement[] stack) {
    for (StackTraceElement frame : stack) {
      if (programClass.test(frame.getClassName()) && frame.getLineNumber() > 0) {
        return frame.getLineNumber();
      }
    }
    return 0;
  }

  /**
   * The first method of the program's own on the stack, counted from where the thread began. A
   * lambda stands for the method it calls, if it calls one of the program's; else it is named after
   * the method that wrote it.
   */
  String task(StackTraceElement[] stack) {
    String lambda = null;
    for (int i = stack.length - 1; i >= 0; i--) {
      StackTraceElement frame = stack[i];
      if (!programClass.test(frame.getClassName())) {
        continue;
      }
      String method = frame.getMethodName();
      if (method.startsWith("lambda$")) {
        if (lambda == null) {
          String[] parts = method.split("\\$");
          lambda = "lambda in " + (parts.length > 1 ? parts[1] : "main");
        }
        continue;
      }
      if (SAM.contains(method) || method.equals("<init>")) {
        String type = frame.getClassName();
        return type.substring(Math.max(type.lastIndexOf('.'), type.lastIndexOf('$')) + 1);
      }
      return method;
    }
    return lambda;
  }
}

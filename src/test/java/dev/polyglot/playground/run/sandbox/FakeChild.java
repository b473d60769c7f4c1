package dev.polyglot.playground.run.sandbox;

import dev.polyglot.playground.run.worker.Wire;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * A {@link Child} without a process: a test drives what it says ({@link #say}, {@link #exitWith})
 * or gives it a script that answers each job. Killing it ends it with SIGKILL's code, as the real
 * one would.
 */
final class FakeChild implements Child {
  private static final AtomicLong PIDS = new AtomicLong(100_000);

  final Sandbox.Role role;
  final int slot;
  final int warmups;
  final List<Wire.Job> jobs = new CopyOnWriteArrayList<>();
  private final long pid = PIDS.incrementAndGet();
  private final Promise<Child> ready = Promise.promise();
  private final Promise<Integer> exit = Promise.promise();
  private final BiConsumer<FakeChild, Long> script;
  private volatile Listener listener;
  private volatile long job;
  private volatile boolean killed;
  private volatile boolean stdinClosed;
  private volatile Integer exitCode;

  /** {@code script} runs for each job sent, with the job's id; it may say things and exit. */
  FakeChild(Sandbox.Role role, int slot, int warmups, BiConsumer<FakeChild, Long> script) {
    this.role = role;
    this.slot = slot;
    this.warmups = warmups;
    this.script = script;
  }

  /** Says ready, as a warm child does. */
  FakeChild warm() {
    say(0, new Wire.Ready());
    return this;
  }

  /** Says something about job {@code id}, as if on its stdout. */
  void say(long id, Wire.Event event) {
    if (event instanceof Wire.Ready) {
      ready.tryComplete(this);
    }
    Listener l = listener;
    if (l != null && exitCode == null) {
      l.message(new Wire.Envelope(id, event));
    }
  }

  /** Says something about the job it was sent last. */
  void say(Wire.Event event) {
    say(job, event);
  }

  void stray(String line) {
    Listener l = listener;
    if (l != null) {
      l.stray(line, false);
    }
  }

  synchronized void exitWith(int code) {
    if (exitCode != null) {
      return;
    }
    exitCode = code;
    ready.tryFail("exited with " + code + " before it was ready");
    Listener l = listener;
    if (l != null) {
      l.exited(code);
    }
    exit.tryComplete(code);
  }

  boolean killed() {
    return killed;
  }

  boolean stdinClosed() {
    return stdinClosed;
  }

  boolean alive() {
    return exitCode == null;
  }

  @Override
  public long pid() {
    return pid;
  }

  @Override
  public Future<Child> ready() {
    return ready.future();
  }

  @Override
  public synchronized void attach(Listener listener) {
    this.listener = listener;
    if (exitCode != null) {
      listener.exited(exitCode);
    }
  }

  @Override
  public void send(long id, Wire.Job message, boolean last) {
    // Through the codec, as the real pipe would carry it.
    try {
      Wire.Envelope read = Wire.decode(Wire.encode(id, message));
      jobs.add((Wire.Job) read.message());
    } catch (Wire.MalformedException e) {
      throw new AssertionError(e);
    }
    job = id;
    stdinClosed = last;
    script.accept(this, id);
  }

  @Override
  public void kill() {
    killed = true;
    exitWith(Supervisor.KILLED);
  }

  @Override
  public Future<Integer> exit() {
    return exit.future();
  }
}

package dev.polyglot.playground.run.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyglot.playground.Poll;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The warm pool against fake workers: who is started, handed out, replaced and killed. */
class WorkerPoolTest {
  final FakeLauncher launcher =
      new FakeLauncher(s -> new FakeChild(s.role(), s.slot(), s.warmups(), (c, job) -> {}).warm());

  Child acquire(WorkerPool pool) {
    return pool.acquire().toCompletionStage().toCompletableFuture().join();
  }

  @Test
  void startingFillsThePoolWithWarmWorkersInSlotsOfTheirOwn() {
    var pool = new WorkerPool(launcher, 3, 5);
    pool.start();
    assertThat(pool.idleCount()).isEqualTo(3);
    assertThat(launcher.started).extracting(c -> c.warmups).containsOnly(5);
    assertThat(launcher.started).extracting(c -> c.slot).containsExactlyInAnyOrder(0, 1, 2);
    assertThat(launcher.started).extracting(c -> c.role).containsOnly(Sandbox.Role.WORKER);
  }

  @Test
  void takingAWorkerStartsAReplacement() {
    var pool = new WorkerPool(launcher, 2, 5);
    pool.start();
    Child taken = acquire(pool);
    assertThat(launcher.started).hasSize(3);
    assertThat(pool.idleCount()).isEqualTo(2);
    assertThat(((FakeChild) taken).slot).isIn(0, 1);
    assertThat(((FakeChild) launcher.started.getLast()).slot).isEqualTo(2);
  }

  @Test
  void withNoIdleWorkerARunGetsAColdOneWithoutWarmUps() {
    var pool = new WorkerPool(launcher, 0, 5);
    pool.start();
    var cold = (FakeChild) acquire(pool);
    assertThat(cold.warmups).isEqualTo(WorkerPool.COLD);
    assertThat(launcher.started).containsExactly(cold);
  }

  @Test
  void aColdWorkerIsHandedOutOnlyOnceItIsReady() {
    var slow = new FakeLauncher(s -> new FakeChild(s.role(), s.slot(), s.warmups(), (c, j) -> {}));
    var pool = new WorkerPool(slow, 0, 0);
    var pending = pool.acquire();
    assertThat(pending.isComplete()).isFalse();
    slow.started.getFirst().warm();
    assertThat(pending.result()).isSameAs(slow.started.getFirst());
  }

  @Test
  void aWorkerThatDiesBeforeItIsReadyFailsTheRun() {
    var dying = new FakeLauncher(s -> new FakeChild(s.role(), s.slot(), s.warmups(), (c, j) -> {}));
    var pool = new WorkerPool(dying, 0, 0);
    var pending = pool.acquire();
    dying.started.getFirst().exitWith(1);
    assertThat(pending.failed()).isTrue();
    assertThat(pending.cause().getMessage()).contains("exited with 1");
  }

  @Test
  void anIdleWorkerKilledFromOutsideIsDroppedAndReplaced() {
    var pool = new WorkerPool(launcher, 2, 1);
    pool.start();
    FakeChild victim = launcher.started.getFirst();
    victim.exitWith(Supervisor.KILLED);
    Poll.until("a replacement", Duration.ofSeconds(5), () -> launcher.started.size() == 3);
    assertThat(pool.idleCount()).isEqualTo(2);
    for (int i = 0; i < 2; i++) {
      assertThat(acquire(pool)).isNotSameAs(victim);
    }
  }

  @Test
  void slotsAreFreedWhenTheirWorkerExits() {
    var pool = new WorkerPool(launcher, 1, 1);
    pool.start();
    var first = (FakeChild) acquire(pool); // slot 0; the replacement takes slot 1
    first.exitWith(0);
    var second = (FakeChild) acquire(pool); // slot 1; its replacement may reuse slot 0
    assertThat(second.slot).isEqualTo(1);
    assertThat(launcher.started.getLast().slot).isEqualTo(0);
  }

  @Test
  void aLauncherThatFailsFailsTheRunAndThePoolStaysEmpty() {
    launcher.failing = true;
    var pool = new WorkerPool(launcher, 2, 1);
    pool.start();
    assertThat(pool.idleCount()).isZero();
    var run = pool.acquire();
    assertThat(run.failed()).isTrue();
    launcher.failing = false;
    assertThat(acquire(pool)).isNotNull();
  }

  @Test
  void closingKillsTheIdleWorkersAndStartsNoMore() {
    var pool = new WorkerPool(launcher, 2, 1);
    pool.start();
    pool.close();
    assertThat(launcher.started).allMatch(FakeChild::killed);
    assertThat(pool.idleCount()).isZero();
    int started = launcher.started.size();
    acquire(pool); // a run still gets a cold worker; the pool is not refilled
    assertThat(launcher.started).hasSize(started + 1);
  }

  @Test
  void aTakenWorkersReplacementStartsAfterTheDelay() {
    var pool = new WorkerPool(launcher, 1, 1, 1, 0, 300);
    pool.start();
    Poll.until("one idle worker", Duration.ofSeconds(5), () -> pool.idleCount() == 1);
    long taken = System.nanoTime();
    acquire(pool);
    assertThat(launcher.started).as("no replacement yet: the run has the CPU").hasSize(1);
    Poll.until("the replacement", Duration.ofSeconds(5), () -> pool.idleCount() == 1);
    assertThat(launcher.started).hasSize(2);
    assertThat(Duration.ofNanos(System.nanoTime() - taken))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void runsOneAfterAnotherKeepThePoolSmall() {
    var pool = new WorkerPool(launcher, 1, 4, 2, 0);
    pool.start();
    for (int i = 0; i < 6; i++) {
      acquire(pool).kill();
    }
    assertThat(pool.size()).isEqualTo(1);
    Poll.until("one idle worker", Duration.ofSeconds(5), () -> pool.idleCount() == 1);
  }

  @Test
  void workersInUseAtOnceGrowThePoolUpToItsMaximumTwoStartsAtATime() {
    var pool = new WorkerPool(launcher, 1, 4, 2, 5);
    pool.start();
    var inUse = new java.util.ArrayList<Child>();
    for (int i = 0; i < 6; i++) {
      inUse.add(acquire(pool));
    }
    assertThat(pool.size()).as("six at once, at most four kept").isEqualTo(4);
    Poll.until("the pool grows to four", Duration.ofSeconds(5), () -> pool.idleCount() == 4);
    assertThat(launcher.started)
        .as("grown for a burst, without javac warm-ups")
        .extracting(c -> c.warmups)
        .contains(0);
    inUse.forEach(Child::kill);
  }
}

package dev.polyglot.playground.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyglot.playground.run.Admission.Verdict;
import org.junit.jupiter.api.Test;

/** Admission from measured memory and CPU, with starts bounded. */
class AdmissionTest {
  static final long MB = 1L << 20;
  // 320 MiB a run, 512 MiB kept back, two starts at once.
  final Admission admission = new Admission(0, 320 * MB, 512 * MB, 2);

  static Gauge.Reading reading(long availableMb, double cpuBusy) {
    return new Gauge.Reading(availableMb * MB, cpuBusy, 2);
  }

  @Test
  void sleepingRunsAreAdmittedWhileMemoryLastsWhateverTheirNumber() {
    assertThat(admission.decide(reading(20_000, 0.05), 40, 0)).isEqualTo(Verdict.ADMIT);
    assertThat(admission.room(reading(20_000, 0.05), 40, 0)).isEqualTo((20_000 - 512) / 320);
  }

  @Test
  void aRunWaitsWhenItsMemoryIsNotFreeBeyondTheReserve() {
    assertThat(admission.decide(reading(512 + 319, 0), 3, 0)).isEqualTo(Verdict.MEMORY);
    assertThat(admission.decide(reading(512 + 320, 0), 3, 0)).isEqualTo(Verdict.ADMIT);
    assertThat(admission.room(reading(512 + 319, 0), 3, 0)).isZero();
  }

  @Test
  void runsStillStartingHoldTheirWholeAllowance() {
    assertThat(admission.decide(reading(512 + 640, 0), 1, 1)).isEqualTo(Verdict.ADMIT);
    assertThat(admission.decide(reading(512 + 639, 0), 1, 1)).isEqualTo(Verdict.MEMORY);
  }

  @Test
  void startsAreBounded() {
    assertThat(admission.decide(reading(20_000, 0), 2, 2)).isEqualTo(Verdict.STARTING);
  }

  @Test
  void withNoProgramRunningABusyCpuHoldsNothingBack() {
    // Busy with the server's own work, a finished program's exit, or another tenant.
    assertThat(admission.decide(reading(20_000, 1.0), 0, 0)).isEqualTo(Verdict.ADMIT);
    assertThat(admission.decide(reading(20_000, 1.0), 1, 1)).isEqualTo(Verdict.ADMIT);
  }

  @Test
  void warmWorkersStartingForThePoolAreNotMistakenForBusyPrograms() {
    assertThat(admission.decide(reading(20_000, 1.0), 1, 0)).isEqualTo(Verdict.CPU);
    assertThat(admission.decide(reading(20_000, 1.0), 1, 0, 2)).isEqualTo(Verdict.ADMIT);
  }

  @Test
  void programsThatFillTheCoresHoldNewRunsBack() {
    assertThat(admission.decide(reading(20_000, 0.95), 2, 0)).isEqualTo(Verdict.CPU);
    assertThat(admission.room(reading(20_000, 0.95), 2, 0)).isZero();
  }

  @Test
  void cpuSpentOnStartsIsNotMistakenForBusyPrograms() {
    // Both cores busy, one of them with a JVM starting: the programs use one core of two.
    assertThat(admission.decide(reading(20_000, 1.0), 3, 1)).isEqualTo(Verdict.ADMIT);
  }

  @Test
  void theOperatorsCeilingStillHolds() {
    var capped = new Admission(4, 320 * MB, 512 * MB, 2);
    assertThat(capped.decide(reading(20_000, 0), 4, 0)).isEqualTo(Verdict.MAX_RUNS);
    assertThat(capped.room(reading(20_000, 0), 3, 0)).isEqualTo(1);
  }
}

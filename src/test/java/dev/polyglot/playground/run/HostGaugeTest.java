package dev.polyglot.playground.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading the kernel's figures, and this machine's. */
class HostGaugeTest {
  @Test
  void memAvailableIsReadInBytes() {
    var meminfo =
        List.of(
            "MemTotal:       24563540 kB",
            "MemFree:         1000000 kB",
            "MemAvailable:   20000000 kB");
    assertThat(HostGauge.memAvailable(meminfo)).hasValue(20_000_000L * 1024);
    assertThat(HostGauge.memAvailable(List.of("MemTotal: 1 kB"))).isEmpty();
  }

  @Test
  void aCgroupLimitLeavesItsRoom() {
    assertThat(HostGauge.cgroupRoom(List.of("1073741824"), List.of("268435456")))
        .hasValue(805306368L);
    assertThat(HostGauge.cgroupRoom(List.of("max"), List.of("268435456"))).isEmpty();
    assertThat(HostGauge.cgroupRoom(List.of(), List.of())).isEmpty();
  }

  @Test
  void thisMachineHasSomeMemoryAndCoresToReport() {
    var gauge = HostGauge.start();
    try {
      var reading = gauge.read();
      assertThat(reading.availableBytes()).isPositive();
      assertThat(reading.cores()).isEqualTo(Runtime.getRuntime().availableProcessors());
      assertThat(reading.cpuBusy()).isBetween(0.0, 1.0);
    } finally {
      gauge.close();
    }
  }
}

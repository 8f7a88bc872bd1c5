package com.pulse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuTableTests {

  private final List<String> processes = List.of("gateway", "kafka", StackCpu.BENCHMARK);

  @Test
  void perUnitDividesEachProcessAndTotalsTheStackWithoutTheBenchmarkOrTheJitTwice() {
    double[] values = CpuTable.perUnit(processes, 100, Map.of("gateway", 300.0, "kafka", 50.0,
        StackCpu.JIT, 120.0, StackCpu.BENCHMARK, 900.0));

    assertThat(values).containsExactly(3.0, 0.5, 3.5, 1.2, 9.0);
  }

  @Test
  void mediansTakeTheMiddleRunOfEachGroup() {
    CpuTable table = new CpuTable("order", processes);
    table.add("100 orders/s", 1, 100, Map.of("gateway", 100.0, "kafka", 0.0, StackCpu.BENCHMARK, 0.0));
    table.add("100 orders/s", 2, 100, Map.of("gateway", 500.0, "kafka", 0.0, StackCpu.BENCHMARK, 0.0));
    table.add("100 orders/s", 3, 100, Map.of("gateway", 200.0, "kafka", 0.0, StackCpu.BENCHMARK, 0.0));

    assertThat(table.medians()).contains("| 100 orders/s | 3 | 300 | 2.000 | 0.000 | 2.000 | 0.000 | 0.000 |");
    assertThat(table.runs()).contains("| 100 orders/s | 2 | 100 | 5.000 |");
  }

  @Test
  void theBenchmarkProcessIsReadAndSpendsCpu() {
    StackCpu cpu = new StackCpu(Map.of());
    Map<String, Double> before = cpu.read();
    long spin = System.nanoTime() + 200_000_000;
    double sink = 0;
    while (System.nanoTime() < spin) {
      sink += Math.sqrt(sink + 1);
    }
    Map<String, Double> used = StackCpu.between(before, cpu.read());

    assertThat(sink).isPositive();
    assertThat(used.get(StackCpu.BENCHMARK)).isGreaterThan(0);
  }
}

package com.pulse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StackCpuTests {

  @Test
  void aProcessCountsItsHelpersButNotTheStackProcessesItLaunched() {
    // benchmark 1 launched gateway 2 (its own column) and a helper 3; gateway 2 has a child 4 of its own
    Map<Long, ProcStat> all = Map.of(
        1L, new ProcStat(1, 0, 10, 5, 0),
        2L, new ProcStat(2, 1, 100, 50, 0),
        3L, new ProcStat(3, 1, 7, 0, 0),
        4L, new ProcStat(4, 2, 20, 0, 0));
    Map<Long, List<Long>> children = Map.of(0L, List.of(1L), 1L, List.of(2L, 3L), 2L, List.of(4L));
    Set<Long> roots = Set.of(1L, 2L);

    assertThat(StackCpu.treeTicks(1, all, children, roots)).isEqualTo(10 + 5 + 7);
    assertThat(StackCpu.treeTicks(2, all, children, roots)).isEqualTo(100 + 50 + 20);
  }

  @Test
  void theStacksTotalLeavesOutTheBenchmarkAndCountsTheJitOnce() {
    Map<String, Double> used = Map.of("gateway", 30.0, "kafka", 5.0, StackCpu.JIT, 12.0, StackCpu.BENCHMARK, 90.0);

    assertThat(StackCpu.stackTotal(used)).isEqualTo(35.0);
  }
}

package com.pulse.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class ThreadCpuTests {

  @Test
  void threadsAreGroupedByWhatTheirNamesSay() {
    assertThat(ThreadCpu.group("reactor-http-epoll-2")).isEqualTo("event loop");
    assertThat(ThreadCpu.group("AsyncAppender-Wo")).isEqualTo("access log");
    assertThat(ThreadCpu.group("C2 CompilerThre")).isEqualTo("JIT");
    assertThat(ThreadCpu.group("C1 CompilerThre")).isEqualTo("JIT");
    assertThat(ThreadCpu.group("GC Thread#0")).isEqualTo("GC");
    assertThat(ThreadCpu.group("G1 Refine#0")).isEqualTo("GC");
    assertThat(ThreadCpu.group("main")).isEqualTo("other");
  }

  @Test
  void betweenSumsEachGroupsTicksAndCountsAThreadBornInBetweenFromZero() {
    Map<Long, ThreadCpu.Reading> before = Map.of(1L, new ThreadCpu.Reading("event loop", 100),
        2L, new ThreadCpu.Reading("event loop", 50), 3L, new ThreadCpu.Reading("JIT", 10));
    Map<Long, ThreadCpu.Reading> after = Map.of(1L, new ThreadCpu.Reading("event loop", 130),
        2L, new ThreadCpu.Reading("event loop", 60), 3L, new ThreadCpu.Reading("JIT", 10),
        4L, new ThreadCpu.Reading("other", 5));

    Map<String, Double> seconds = ThreadCpu.between(before, after);

    assertThat(seconds.get("event loop")).isCloseTo(40 / ProcStat.TICKS_PER_SECOND, within(1e-9));
    assertThat(seconds.get("JIT")).isZero();
    assertThat(seconds.get("other")).isCloseTo(5 / ProcStat.TICKS_PER_SECOND, within(1e-9));
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void thisJvmsThreadsAreReadAndItsMainThreadIsAmongThem() {
    Map<Long, ThreadCpu.Reading> threads = new ThreadCpu(ProcessHandle.current().pid()).read();

    assertThat(threads).isNotEmpty();
    assertThat(threads).containsKey(ProcessHandle.current().pid()); // the main thread's id is the process id
    assertThat(threads.values()).allSatisfy(reading -> assertThat(reading.ticks()).isNotNegative());
  }
}

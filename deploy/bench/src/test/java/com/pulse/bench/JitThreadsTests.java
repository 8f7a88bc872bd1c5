package com.pulse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class JitThreadsTests {

  @Test
  void hotSpotsCompilerThreadsAreKnownByTheirNames() {
    // /proc/<pid>/task/<tid>/comm keeps 15 characters
    assertThat(JitThreads.compiles("C2 CompilerThre")).isTrue();
    assertThat(JitThreads.compiles("C1 CompilerThre")).isTrue();
    assertThat(JitThreads.compiles("reactor-http-ep")).isFalse();
    assertThat(JitThreads.compiles("GC Thread#0")).isFalse();
  }

  @Test
  void thisJvmsCompilersHaveSpentCpuAndAnEndedProcessNone() {
    long self = ProcessHandle.current().pid();
    long deadline = System.nanoTime() + 20_000_000_000L;
    ConcurrentHashMap<Integer, String> sink = new ConcurrentHashMap<>();
    // work enough to be compiled until the compiler threads have a clock tick (10 ms) to show
    while (JitThreads.ticks(List.of(self)) == 0 && System.nanoTime() < deadline) {
      IntStream.range(0, 200_000).parallel().forEach(i -> sink.merge(i % 1024, Integer.toHexString(i), String::concat));
      sink.clear();
    }

    assertThat(JitThreads.ticks(List.of(self))).isPositive();
    assertThat(JitThreads.ticks(List.of(Long.MAX_VALUE))).isZero();
  }
}

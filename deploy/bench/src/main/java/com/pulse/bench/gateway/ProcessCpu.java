package com.pulse.bench.gateway;

import com.pulse.bench.ProcStat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of processes from {@code /proc/<pid>/stat} (Linux only; elsewhere every reading is 0). Everything shares
 * the same few cores, so who used how much of them explains a result: the gateway, this JVM (which hosts the
 * stand-in service) and wrk, a child this JVM waited for, so its time lands in our {@code cutime + cstime}.
 */
final class ProcessCpu {

  private final long gatewayPid;

  ProcessCpu(long gatewayPid) {
    this.gatewayPid = gatewayPid;
  }

  /** CPU seconds so far. */
  record Sample(long nanos, double gateway, double self, double waitedChildren) {}

  /** Percent of one core each, between two samples. */
  record Usage(double gateway, double self, double waitedChildren) {}

  Sample sample() {
    ProcStat own = ProcStat.of(ProcessHandle.current().pid()).orElse(ProcStat.NONE);
    ProcStat gateway = ProcStat.of(gatewayPid).orElse(ProcStat.NONE);
    return new Sample(System.nanoTime(), seconds(gateway.utime() + gateway.stime()), seconds(own.utime() + own.stime()),
        seconds(own.children()));
  }

  static Usage between(Sample from, Sample to) {
    double wall = (to.nanos() - from.nanos()) / 1e9;
    return new Usage(100 * (to.gateway() - from.gateway()) / wall, 100 * (to.self() - from.self()) / wall,
        100 * (to.waitedChildren() - from.waitedChildren()) / wall);
  }

  private static double seconds(long ticks) {
    return ticks / ProcStat.TICKS_PER_SECOND;
  }

  /** The 1-minute load average, to see whether something else ran during a run; NaN when unknown. */
  static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }
}

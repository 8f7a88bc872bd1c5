package com.pulse.bench.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of processes from {@code /proc/<pid>/stat} (Linux only; elsewhere every reading is 0). Everything shares
 * the same few cores, so who used how much of them explains a result: the gateway, this JVM (which hosts the
 * stand-in service) and wrk, a child this JVM waited for, so its time lands in our {@code cutime + cstime}.
 */
final class ProcessCpu {

  private static final double TICKS_PER_SECOND = ticksPerSecond();

  private final long gatewayPid;

  ProcessCpu(long gatewayPid) {
    this.gatewayPid = gatewayPid;
  }

  /** CPU seconds so far. */
  record Sample(long nanos, double gateway, double self, double waitedChildren) {}

  /** Percent of one core each, between two samples. */
  record Usage(double gateway, double self, double waitedChildren) {}

  Sample sample() {
    long self = ProcessHandle.current().pid();
    long[] own = ticks(self);
    return new Sample(System.nanoTime(), seconds(ticks(gatewayPid)[0]), seconds(own[0]), seconds(own[1]));
  }

  static Usage between(Sample from, Sample to) {
    double wall = (to.nanos() - from.nanos()) / 1e9;
    return new Usage(100 * (to.gateway() - from.gateway()) / wall, 100 * (to.self() - from.self()) / wall,
        100 * (to.waitedChildren() - from.waitedChildren()) / wall);
  }

  /** {utime + stime, cutime + cstime} in clock ticks; zeros when unreadable. */
  private static long[] ticks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
      // the command name (field 2) is in parentheses and may hold spaces; field 3 follows the last ')'
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
      return new long[] {Long.parseLong(fields[11]) + Long.parseLong(fields[12]),
          Long.parseLong(fields[13]) + Long.parseLong(fields[14])};
    } catch (IOException | RuntimeException e) {
      return new long[2];
    }
  }

  private static double seconds(long ticks) {
    return ticks / TICKS_PER_SECOND;
  }

  /** USER_HZ: 100 on every common Linux build, asked anyway. */
  private static double ticksPerSecond() {
    try {
      Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
      getconf.waitFor();
      return Double.parseDouble(out);
    } catch (IOException | RuntimeException e) {
      return 100;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 100;
    }
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

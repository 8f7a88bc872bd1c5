package com.pulse.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One line of Linux {@code /proc/<pid>/stat}: the parent and the CPU clock ticks a process used.
 *
 * @param utime ticks in user mode
 * @param stime ticks in kernel mode
 * @param children ticks of its children that exited and were waited for ({@code cutime + cstime})
 */
public record ProcStat(long pid, long ppid, long utime, long stime, long children) {

  /** What an unreadable process counts: nothing (not Linux, or gone). */
  public static final ProcStat NONE = new ProcStat(0, 0, 0, 0, 0);

  /** The process's own ticks and those of its reaped children. */
  public long ticks() {
    return utime + stime + children;
  }

  /**
   * Parses a stat line. The command name (field 2) is in parentheses and may hold spaces and parentheses itself, so
   * the fields are counted from the last {@code ')'}.
   */
  public static ProcStat parse(String line) {
    int close = line.lastIndexOf(')');
    if (close < 0) {
      throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + line);
    }
    long pid = Long.parseLong(line.substring(0, line.indexOf(' ')).trim());
    // after ") ": field 3 (state) is index 0, so field n is index n - 3
    String[] fields = line.substring(close + 2).trim().split(" ");
    return new ProcStat(pid, Long.parseLong(fields[1]), Long.parseLong(fields[11]), Long.parseLong(fields[12]),
        Long.parseLong(fields[13]) + Long.parseLong(fields[14]));
  }

  /** USER_HZ, the unit of the tick counts: 100 on every common Linux build, asked anyway. */
  public static final double TICKS_PER_SECOND = ticksPerSecond();

  /** The process's line now; empty when it is gone or this is not Linux. */
  public static Optional<ProcStat> of(long pid) {
    try {
      return Optional.of(parse(Files.readString(Path.of("/proc", Long.toString(pid), "stat"),
          StandardCharsets.US_ASCII)));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

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
}

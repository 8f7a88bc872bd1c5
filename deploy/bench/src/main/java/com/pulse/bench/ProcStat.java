package com.pulse.bench;

/**
 * One line of Linux {@code /proc/<pid>/stat}: the parent and the CPU clock ticks a process used.
 *
 * @param utime ticks in user mode
 * @param stime ticks in kernel mode
 * @param children ticks of its children that exited and were waited for ({@code cutime + cstime})
 */
public record ProcStat(long pid, long ppid, long utime, long stime, long children) {

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
}

package com.pulse.bench;

import java.util.Collection;

/**
 * The CPU of HotSpot's JIT compiler threads ({@code C1 CompilerThread…}, {@code C2 CompilerThread…}), read from
 * Linux {@code /proc/<pid>/task}: how much of a JVM's CPU still goes to compiling rather than to the work, i.e.
 * whether a stack is warm. Elsewhere than Linux, or for a process that ended, it is 0.
 */
public final class JitThreads {

  private JitThreads() {}

  /** Whether a thread, by the name HotSpot gives it ({@code comm} shows its first 15 characters), compiles. */
  public static boolean compiles(String threadName) {
    return threadName.startsWith("C1 Compiler") || threadName.startsWith("C2 Compiler");
  }

  /** Clock ticks the compiler threads of these processes have used so far (each read as {@link ThreadCpu} reads). */
  static long ticks(Collection<Long> pids) {
    long ticks = 0;
    for (long pid : pids) {
      try {
        ticks += new ThreadCpu(pid).read().values().stream().filter(thread -> thread.group().equals(ThreadCpu.JIT))
            .mapToLong(ThreadCpu.Reading::ticks).sum();
      } catch (IllegalStateException gone) {
        // not Linux, or the process ended: nothing to count
      }
    }
    return ticks;
  }
}

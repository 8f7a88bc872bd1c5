package com.pulse.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.stream.Stream;

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

  /** Clock ticks the compiler threads of these processes have used so far. */
  static long ticks(Collection<Long> pids) {
    long ticks = 0;
    for (long pid : pids) {
      try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
        ticks += tasks.mapToLong(JitThreads::compilerTicks).sum();
      } catch (IOException | RuntimeException gone) {
        // not Linux, or the process ended: nothing to count
      }
    }
    return ticks;
  }

  private static long compilerTicks(Path task) {
    try {
      if (!compiles(Files.readString(task.resolve("comm"), StandardCharsets.UTF_8).trim())) {
        return 0;
      }
      ProcStat stat = ProcStat.parse(Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII));
      return stat.utime() + stat.stime();
    } catch (IOException | RuntimeException gone) {
      return 0; // the thread ended while we listed
    }
  }
}

package com.pulse.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU ticks of every thread of a JVM from Linux {@code /proc/<pid>/task}, grouped by what the thread does (its name):
 * which part of a process pays for a request. Threads that end between two readings are missed; in a steady run
 * they are few.
 */
public final class ThreadCpu {

  /** The group of HotSpot's compiler threads. */
  public static final String JIT = "JIT";

  private final long pid;

  public ThreadCpu(long pid) {
    this.pid = pid;
  }

  /** Ticks per thread id, with the thread's group. */
  public Map<Long, Reading> read() {
    Map<Long, Reading> threads = new HashMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      tasks.forEach(task -> {
        try {
          ProcStat stat = ProcStat.parse(Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII));
          String name = Files.readString(task.resolve("comm"), StandardCharsets.UTF_8).trim();
          threads.put(stat.pid(), new Reading(group(name), stat.utime() + stat.stime()));
        } catch (IOException | RuntimeException gone) {
          // the thread ended while we listed: nothing to count
        }
      });
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the threads of process " + pid + " (Linux only)", e);
    }
    return threads;
  }

  /** CPU seconds per group between two readings of the same process. */
  public static Map<String, Double> between(Map<Long, Reading> from, Map<Long, Reading> to) {
    Map<String, Double> seconds = new TreeMap<>();
    to.forEach((thread, now) -> {
      long before = from.containsKey(thread) ? from.get(thread).ticks() : 0;
      seconds.merge(now.group(), (now.ticks() - before) / ProcStat.TICKS_PER_SECOND, Double::sum);
    });
    return seconds;
  }

  /** What a JVM thread does, from the names Reactor Netty, logback and HotSpot give them. */
  static String group(String name) {
    if (name.startsWith("reactor-http")) {
      return "event loop";
    }
    if (name.startsWith("AsyncAppender")) {
      return "access log";
    }
    if (JitThreads.compiles(name)) {
      return JIT;
    }
    if (name.startsWith("GC ") || name.startsWith("G1 ")) {
      return "GC";
    }
    return "other";
  }

  public record Reading(String group, long ticks) {}
}

package com.pulse.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * CPU time of each process of the stack, from Linux {@code /proc/<pid>/stat} ({@code utime + stime}), read before
 * and after a measured run. A process counts with its whole tree: PostgreSQL's backends are children of the
 * postmaster (live ones read directly, exited ones in the parent's {@code cutime + cstime}). The benchmark's own JVM
 * is read too but kept out of the stack's total. Elsewhere than Linux every reading is 0.
 */
public final class StackCpu {

  /** The column of the benchmark's own process. */
  public static final String BENCHMARK = "benchmark";
  /**
   * The JIT compiler threads of all the stack's JVMs, already counted in their processes' columns: a stack that still
   * compiles is not warm, and its CPU per unit says more about the JIT than about the work.
   */
  public static final String JIT = "of which JIT";

  private static final double MILLIS_PER_TICK = 1000.0 / ProcStat.TICKS_PER_SECOND;

  private final Map<String, Long> roots;

  /** @param roots each stack process by name (gateway, ocs-service, …, kafka, postgresql), in column order */
  public StackCpu(Map<String, Long> roots) {
    this.roots = new LinkedHashMap<>(roots);
    this.roots.put(BENCHMARK, ProcessHandle.current().pid());
  }

  /** Finds each process by the port it listens on; a port nobody listens on is left out, with a note. */
  public static StackCpu listeningOn(Map<String, Integer> ports) {
    Map<String, Long> found = new LinkedHashMap<>();
    ports.forEach((name, port) -> ListeningPorts.pid(port).ifPresentOrElse(pid -> found.put(name, pid),
        () -> System.out.printf("CPU: nothing of %s listens on port %d; left out%n", name, port)));
    return new StackCpu(found);
  }

  /** The column names: the stack's processes, then the benchmark ({@link #JIT} is a reading, not a column). */
  public List<String> names() {
    return List.copyOf(roots.keySet());
  }

  /** CPU milliseconds each process (tree) used so far. */
  public Map<String, Double> read() {
    Map<Long, ProcStat> all = allProcesses();
    Map<Long, List<Long>> children = new HashMap<>();
    all.values().forEach(stat -> children.computeIfAbsent(stat.ppid(), p -> new ArrayList<>()).add(stat.pid()));
    Map<String, Double> millis = new LinkedHashMap<>();
    Set<Long> rootPids = Set.copyOf(roots.values());
    roots.forEach((name, pid) -> millis.put(name, treeTicks(pid, all, children, rootPids) * MILLIS_PER_TICK));
    millis.put(JIT, JitThreads.ticks(stackPids()) * MILLIS_PER_TICK);
    return millis;
  }

  /** The stack's total in a reading or a difference of two: every process but the benchmark, JIT not twice. */
  public static double stackTotal(Map<String, Double> millis) {
    return millis.entrySet().stream().filter(e -> !e.getKey().equals(BENCHMARK) && !e.getKey().equals(JIT))
        .mapToDouble(Map.Entry::getValue).sum();
  }

  private List<Long> stackPids() {
    return roots.entrySet().stream().filter(e -> !e.getKey().equals(BENCHMARK)).map(Map.Entry::getValue).toList();
  }

  /** What each process used between two readings, in milliseconds. */
  public static Map<String, Double> between(Map<String, Double> before, Map<String, Double> after) {
    Map<String, Double> used = new LinkedHashMap<>();
    after.forEach((name, millis) -> used.put(name, millis - before.getOrDefault(name, 0.0)));
    return used;
  }

  /**
   * A process with its descendants, but without those that have a column of their own: the benchmark launched the
   * stack it measures, and counted the whole stack as its own until this.
   */
  static long treeTicks(long pid, Map<Long, ProcStat> all, Map<Long, List<Long>> children, Set<Long> roots) {
    ProcStat stat = all.get(pid);
    if (stat == null) {
      return 0;
    }
    long ticks = stat.ticks();
    for (long child : children.getOrDefault(pid, List.of())) {
      if (!roots.contains(child)) {
        ticks += treeTicks(child, all, children, roots);
      }
    }
    return ticks;
  }

  private static Map<Long, ProcStat> allProcesses() {
    Map<Long, ProcStat> all = new HashMap<>();
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
        try {
          ProcStat stat = ProcStat.parse(Files.readString(p.resolve("stat"), StandardCharsets.US_ASCII));
          all.put(stat.pid(), stat);
        } catch (IOException | RuntimeException gone) {
          // the process ended between the listing and the read
        }
      });
    } catch (IOException e) {
      // not Linux: no readings
    }
    return all;
  }
}

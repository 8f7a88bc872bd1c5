package com.pulse.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CPU milliseconds per unit of work (an order, a value, an action, a ballot) for each process, per run and as the
 * median of each group's runs. "stack" is every process but the benchmark's own; "of which JIT" is the part of it
 * the stack's JIT compiler threads used, high while the stack is not yet warm.
 */
public final class CpuTable {

  private final String unit;
  private final List<String> processes;
  private final List<Row> rows = new ArrayList<>();

  private record Row(String group, int run, long units, Map<String, Double> millis) {}

  /** @param unit what one unit is, for the header ("order", "value") */
  public CpuTable(String unit, List<String> processes) {
    this.unit = unit;
    this.processes = List.copyOf(processes);
  }

  /** One measured run: {@code millis} is what each process used during it (see {@link StackCpu#between}). */
  public void add(String group, int run, long units, Map<String, Double> millis) {
    rows.add(new Row(group, run, units, Map.copyOf(millis)));
  }

  /**
   * CPU ms per unit of each process, then the stack's total (the benchmark excluded), the part of it its JIT compilers
   * used, then the benchmark's.
   */
  static double[] perUnit(List<String> processes, long units, Map<String, Double> millis) {
    double[] values = new double[processes.size() + 2];
    double stack = 0;
    int column = 0;
    for (String process : processes) {
      if (!process.equals(StackCpu.BENCHMARK)) {
        double perUnit = units == 0 ? Double.NaN : millis.getOrDefault(process, 0.0) / units;
        values[column++] = perUnit;
        stack += perUnit;
      }
    }
    values[column++] = stack;
    values[column++] = units == 0 ? Double.NaN : millis.getOrDefault(StackCpu.JIT, 0.0) / units;
    values[column] = units == 0 ? Double.NaN : millis.getOrDefault(StackCpu.BENCHMARK, 0.0) / units;
    return values;
  }

  /** Both tables under a heading that names the unit ({@code note} after it, e.g. what one unit holds). */
  public String print(String note) {
    return "CPU per " + unit + " (ms" + note + "), median of the runs, then each run:\n\n" + medians() + "\n" + runs();
  }

  public String runs() {
    MarkdownTable table = new MarkdownTable(header("run"));
    rows.forEach(row -> table.row(cells(row.group(), Integer.toString(row.run()), row.units(),
        perUnit(processes, row.units(), row.millis()))));
    return table.toString();
  }

  public String medians() {
    MarkdownTable table = new MarkdownTable(header("runs"));
    Set<String> groups = new LinkedHashSet<>();
    rows.forEach(row -> groups.add(row.group()));
    for (String group : groups) {
      List<double[]> runs = rows.stream().filter(r -> r.group().equals(group))
          .map(r -> perUnit(processes, r.units(), r.millis())).toList();
      double[] medians = new double[runs.getFirst().length];
      for (int i = 0; i < medians.length; i++) {
        int column = i;
        medians[i] = Medians.of(runs.stream().mapToDouble(r -> r[column]).toArray());
      }
      long units = rows.stream().filter(r -> r.group().equals(group)).mapToLong(Row::units).sum();
      table.row(cells(group, Integer.toString(runs.size()), units, medians));
    }
    return table.toString();
  }

  private String[] header(String runColumn) {
    List<String> header = new ArrayList<>(List.of("", runColumn, unit + "s"));
    processes.stream().filter(p -> !p.equals(StackCpu.BENCHMARK)).forEach(p -> header.add(p + " ms"));
    header.add("stack ms/" + unit);
    header.add("of which JIT ms");
    header.add("benchmark ms");
    return header.toArray(String[]::new);
  }

  private static Object[] cells(String group, String run, long units, double[] values) {
    Object[] cells = new Object[3 + values.length];
    cells[0] = group;
    cells[1] = run;
    cells[2] = units;
    for (int i = 0; i < values.length; i++) {
      cells[3 + i] = String.format(java.util.Locale.ROOT, "%.3f", values[i]);
    }
    return cells;
  }
}

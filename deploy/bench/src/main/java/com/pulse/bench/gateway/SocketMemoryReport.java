package com.pulse.bench.gateway;

import com.pulse.bench.Medians;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** Markdown tables for {@link GatewaySocketMemory}: every reading, every round, and the verdict. */
final class SocketMemoryReport {

  private static final double MB = 1024 * 1024;

  private SocketMemoryReport() {}

  static String readings(List<MemoryReading> readings) {
    StringBuilder out = new StringBuilder();
    out.append("| reading | round | sockets opened so far | open now | heap after GC MB | direct MB | NMT other MB "
        + "| RSS MB | threads | fds |\n");
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (MemoryReading r : readings) {
      out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.1f | %.1f | %s | %.1f | %d | %d |%n",
          r.label(), r.round(), r.openedSoFar(), r.openNow(), r.heap() / MB, r.direct() / MB,
          Double.isNaN(r.nativeOther()) ? "-" : String.format(Locale.ROOT, "%.1f", r.nativeOther() / MB),
          r.rss() / MB, r.threads(), r.fds()));
    }
    return out.toString();
  }

  static String rounds(List<SocketRound> rounds) {
    StringBuilder out = new StringBuilder();
    out.append("| round | sockets | open s | close s | gateway CPU ms per open | per close "
        + "| heap KB per open socket | direct KB per open socket | RSS KB per open socket "
        + "| heap after GC when closed MB |\n");
    out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (SocketRound r : rounds) {
      out.append(String.format(Locale.ROOT, "| %d | %d | %.1f | %.1f | %.2f | %.2f | %.1f | %.1f | %.1f | %.1f |%n",
          r.round(), r.sockets(), r.openSeconds(), r.closeSeconds(), r.cpuMillisPerOpen(), r.cpuMillisPerClose(),
          r.heapPerOpenSocket() / 1024, r.directPerOpenSocket() / 1024, r.rssPerOpenSocket() / 1024,
          r.closed().heap() / MB));
    }
    out.append(summaryRow("median", rounds, Medians::of));
    out.append(summaryRow("max", rounds, Medians::max));
    return out.toString();
  }

  private interface Statistic {
    double over(List<SocketRound> rounds, ToDoubleFunction<SocketRound> value);
  }

  private static String summaryRow(String name, List<SocketRound> rounds, Statistic statistic) {
    return String.format(Locale.ROOT, "| %s | | %.1f | %.1f | %.2f | %.2f | %.1f | %.1f | %.1f | |%n", name,
        statistic.over(rounds, SocketRound::openSeconds), statistic.over(rounds, SocketRound::closeSeconds),
        statistic.over(rounds, SocketRound::cpuMillisPerOpen), statistic.over(rounds, SocketRound::cpuMillisPerClose),
        statistic.over(rounds, SocketRound::heapPerOpenSocket) / 1024,
        statistic.over(rounds, SocketRound::directPerOpenSocket) / 1024,
        statistic.over(rounds, SocketRound::rssPerOpenSocket) / 1024);
  }

  /**
   * Heap after GC after the last round against after the first (the first round loads classes and sizes pools,
   * so it is the baseline), per 1,000 sockets opened and closed in between; and whether descriptors and threads
   * came back to where they were before any socket.
   */
  static String verdict(MemoryReading baseline, List<SocketRound> rounds) {
    SocketRound first = rounds.getFirst();
    SocketRound last = rounds.getLast();
    StringBuilder out = new StringBuilder();
    long between = last.closed().openedSoFar() - first.closed().openedSoFar();
    if (between > 0) {
      double growth = last.closed().heap() - first.closed().heap();
      double perSocket = growth / between;
      out.append(String.format(Locale.ROOT, "Heap after GC: %.1f MB after round %d, %.1f MB after round %d: %+.1f KB "
          + "per 1,000 sockets opened and closed (%+.0f bytes per socket; an open socket holds %.1f KB, median).%n",
          first.closed().heap() / MB, first.round(), last.closed().heap() / MB, last.round(),
          perSocket * 1000 / 1024, perSocket, Medians.of(rounds, SocketRound::heapPerOpenSocket) / 1024));
      double rssGrowth = last.closed().rss() - first.closed().rss();
      out.append(String.format(Locale.ROOT, "RSS: %+.1f MB from round %d to round %d (%+.1f KB per 1,000 sockets).%n",
          rssGrowth / MB, first.round(), last.round(), rssGrowth / between * 1000 / 1024));
    } else {
      out.append("Only one round: run at least two to compare the heap after the first and the last.\n");
    }
    out.append(String.format(Locale.ROOT, "Descriptors: %d before any socket, %d after the last round; threads %d, "
        + "then %d.%n", baseline.fds(), last.closed().fds(), baseline.threads(), last.closed().threads()));
    return out.toString();
  }
}

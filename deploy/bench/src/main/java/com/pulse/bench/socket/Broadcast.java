package com.pulse.bench.socket;

import com.pulse.bench.MarkdownTable;
import com.pulse.bench.Medians;
import com.pulse.bench.Options;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * One event to N connections on one channel: how long until the last client has it, and how many messages per
 * second one notification-service instance delivers.
 *
 * <pre>
 * java -cp deploy/bench/target/pulse-bench.jar com.pulse.bench.socket.Broadcast \
 *     [--audiences=1000,5000,10000,19000] [--per-process=5000] [--runs=3] [--events=20] [--burst=50]
 * </pre>
 *
 * <p>Every client is a distinct ADMIN, so all of them are in {@code ocs:all}. Per audience size and run:
 * {@code --events} single events, each sent to Kafka once the previous one reached every client, timed from the send
 * to the last client's read of the frame, and every delivery from the send to its read; then a burst of {@code --burst} events sent
 * back to back, timed from the first send to the last client's read of the last event: deliveries per second. The
 * tables give the median over runs of each run's percentiles.
 */
public final class Broadcast {

  private Broadcast() {}

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    int[] audiences = options.integers("audiences", "1000,5000,10000,19000");
    int perProcess = options.integer("per-process", 5_000);
    int runs = options.integer("runs", 3);
    int events = options.integer("events", 20);
    int burst = options.integer("burst", 50);
    String heap = options.text("heap", "384m");
    options.rejectUnknown();

    int largest = java.util.Arrays.stream(audiences).max().orElseThrow();
    System.out.printf("Signing %d tokens ...%n", largest);
    List<String> tokens = BenchUsers.admins(largest);
    List<String[]> rows = new ArrayList<>();
    Map<Integer, List<RunResult>> results = new TreeMap<>();
    try (NotificationUnderTest service = NotificationUnderTest.start(List.of("-Xmx" + heap),
        Map.of("PULSE_SOCKET_MAX_CONNECTIONS", "100000"));
        OrderEventPublisher publisher = new OrderEventPublisher(service.kafkaBootstrapServers())) {
      long sequence = 0;
      for (int audience : audiences) {
        try (Fleet fleet = Fleet.start(service.socketUri(), tokens.subList(0, audience), perProcess, false,
            service.logs())) {
          List<String> opened = fleet.ask("open");
          long connected = opened.stream().mapToLong(line -> Long.parseLong(line.split(" ")[1])).sum();
          if (connected != audience) {
            throw new IllegalStateException(connected + " of " + audience + " clients connected");
          }
          // warm-up at this size (JIT, buffers), not counted: a burst, then single events
          burst(fleet, publisher, sequence, burst, audience);
          sequence += burst;
          sequence = singles(fleet, publisher, sequence, 2 * events, audience).next();
          for (int run = 1; run <= runs; run++) {
            Singles singles = singles(fleet, publisher, sequence, events, audience);
            sequence = singles.next();
            Burst timed = burst(fleet, publisher, sequence, burst, audience);
            sequence += burst;
            RunResult result = new RunResult(audience, run, singles, timed);
            results.computeIfAbsent(audience, key -> new ArrayList<>()).add(result);
            rows.add(result.row());
            System.out.println(String.join(" | ", result.row()));
          }
        }
      }
    }
    System.out.printf("%n## Broadcast: one event to N connections on one channel, %s%n%n", Instant.now());
    System.out.printf("notification-service -Xmx%s, clients in processes of %d, Java %s; %d single events and a "
        + "burst of %d per run%n%n", heap, perProcess, Runtime.version(), events, burst);
    MarkdownTable summary = new MarkdownTable("connections", "runs", "last client p50 ms", "last client p99 ms",
        "delivery p50 ms", "delivery p99 ms", "burst deliveries/s", "lost");
    results.forEach((audience, list) -> summary.row(audience, list.size(),
        Medians.of(list, r -> r.singles().lastMillis(50)), Medians.of(list, r -> r.singles().lastMillis(99)),
        Medians.of(list, r -> r.singles().deliveries().getValueAtPercentile(50) / 1000.0),
        Medians.of(list, r -> r.singles().deliveries().getValueAtPercentile(99) / 1000.0),
        String.format("%.0f", Medians.of(list, r -> r.burst().perSecond())),
        list.stream().mapToLong(r -> r.singles().lost() + r.burst().lost()).sum()));
    System.out.println(summary);
    MarkdownTable perRun = new MarkdownTable("connections", "run", "last client p50 ms", "last client p99 ms",
        "delivery p50 ms", "delivery p99 ms", "burst deliveries/s", "lost");
    rows.forEach(row -> perRun.row((Object[]) row));
    System.out.println(perRun);
    System.exit(0);
  }

  /**
   * Sends {@code count} events one at a time, each once the previous reached every client (or 10 s passed).
   * Times, per event, the send to the last client's read; and every delivery.
   */
  private static Singles singles(Fleet fleet, OrderEventPublisher publisher, long first, int count, int audience)
      throws InterruptedException {
    Histogram last = new Histogram(3);
    Histogram deliveries = new Histogram(3);
    long lost = 0;
    for (long sequence = first; sequence < first + count; sequence++) {
      long sent = publisher.publish(sequence);
      publisher.flush();
      Arrivals arrivals = awaitArrivals(fleet, sequence, audience, deliveries);
      lost += audience - arrivals.count();
      if (arrivals.count() > 0) {
        last.recordValue(Math.max(0, (arrivals.latest() - sent) / 1000));
      }
    }
    return new Singles(first + count, last, deliveries, lost);
  }

  private static Burst burst(Fleet fleet, OrderEventPublisher publisher, long first, int count, int audience)
      throws InterruptedException {
    long start = System.nanoTime();
    for (long sequence = first; sequence < first + count; sequence++) {
      publisher.publish(sequence);
    }
    publisher.flush();
    long expected = (long) count * audience;
    Arrivals seen = new Arrivals(0, 0);
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (seen.count() < expected && System.nanoTime() < deadline) {
      Thread.sleep(100); // a poll asks every client process over its pipe: a few per second are enough here
      seen = arrivals(fleet, first, first + count, null);
    }
    return new Burst(seen.count() / ((seen.latest() - start) / 1e9), expected - seen.count());
  }

  /** Polls the clients until every one has event {@code sequence}, or 10 s passed. */
  private static Arrivals awaitArrivals(Fleet fleet, long sequence, int audience, Histogram deliveries)
      throws InterruptedException {
    Arrivals seen = new Arrivals(0, 0);
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (seen.count() < audience && System.nanoTime() < deadline) {
      Thread.sleep(20); // polling only decides when to send the next event; arrival times are the clients' own
      seen = arrivals(fleet, sequence, sequence + 1, deliveries);
    }
    return seen;
  }

  /**
   * Copies of events {@code [from, to)} the clients hold so far (their counts are cumulative) and the latest read.
   *
   * @param deliveries gets the latencies recorded since the last poll, or null
   */
  private static Arrivals arrivals(Fleet fleet, long from, long to, Histogram deliveries) {
    long count = 0;
    long latest = 0;
    for (String line : fleet.ask("latency " + from)) {
      if (deliveries != null) {
        deliveries.add(FleetStats.decode(line.split(" ")[1]));
      }
      for (long[] arrival : parse(line)) {
        if (arrival[0] < to) {
          count += arrival[1];
          latest = Math.max(latest, arrival[2]);
        }
      }
    }
    return new Arrivals(count, latest);
  }

  /** {@code LATENCY <histogram> seq:count:last,...} → {seq, count, last}. */
  private static List<long[]> parse(String line) {
    String[] fields = line.split(" ");
    List<long[]> arrivals = new ArrayList<>();
    if (!fields[2].equals("-")) {
      for (String entry : fields[2].split(",")) {
        String[] parts = entry.split(":");
        arrivals.add(new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2])});
      }
    }
    return arrivals;
  }

  private record Arrivals(long count, long latest) {}

  /** @param last per event, send → the last client's read (µs); @param deliveries every delivery (µs) */
  private record Singles(long next, Histogram last, Histogram deliveries, long lost) {

    double lastMillis(double percentile) {
      return last.getValueAtPercentile(percentile) / 1000.0;
    }
  }

  private record Burst(double perSecond, long lost) {}

  private record RunResult(int audience, int run, Singles singles, Burst burst) {

    String[] row() {
      return new String[] {String.valueOf(audience), String.valueOf(run),
          String.format("%.1f", singles.lastMillis(50)), String.format("%.1f", singles.lastMillis(99)),
          String.format("%.1f", singles.deliveries().getValueAtPercentile(50) / 1000.0),
          String.format("%.1f", singles.deliveries().getValueAtPercentile(99) / 1000.0),
          String.format("%.0f", burst.perSecond()), String.valueOf(singles.lost() + burst.lost())};
    }
  }
}

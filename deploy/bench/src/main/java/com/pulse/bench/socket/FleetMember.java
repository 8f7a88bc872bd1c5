package com.pulse.bench.socket;

import io.netty.channel.ChannelOption;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * A client process of the benchmarks: holds many {@link Member} sockets to one notification-service URL from one
 * source address (each process may hold 20,000 files here, and each source address has ~28,000 ports towards one
 * server port), and answers the coordinator's commands on stdin with one line on stdout each:
 *
 * <pre>
 * open            → OPENED &lt;connected&gt; &lt;failed&gt; &lt;handshake histogram&gt;
 * stats           → STATS &lt;open&gt; &lt;frames&gt; &lt;events&gt; &lt;duplicates&gt; &lt;errors&gt; &lt;reconnects&gt; &lt;recovered&gt; &lt;not recovered&gt; &lt;closes&gt;
 * latency F       → LATENCY &lt;event latency histogram since the last call&gt; &lt;seq:count:last,...&gt; (events F and
 *                   later, counts since the start)
 * recovery        → RECOVERY &lt;recovery histogram since the last call&gt; &lt;latest recovery, nanoTime&gt;
 * missing F L     → MISSING &lt;clients missing any of events F..L&gt; &lt;events missing in all&gt;
 * close           → CLOSED &lt;still open&gt;
 * </pre>
 * Histograms are HdrHistogram, compressed and Base64-encoded. End of stdin ends the process.
 */
public final class FleetMember {

  private final List<Member> members = new ArrayList<>();
  private final FleetStats stats = new FleetStats();
  private final AtomicInteger open = new AtomicInteger();
  private final int concurrency;

  private FleetMember(String uri, List<String> tokens, String bindAddress, boolean reconnect, int concurrency,
      int threads) {
    this.concurrency = concurrency;
    HttpClient client = HttpClient.create(ConnectionProvider.newConnection())
        .runOn(LoopResources.create("fleet", threads, true))
        .bindAddress(() -> new InetSocketAddress(bindAddress, 0))
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000);
    tokens.forEach(token -> members.add(new Member(uri, token, client, stats, open, reconnect)));
  }

  /**
   * {@code FleetMember <ws uri> <token file> <from> <to> <bind address> <reconnect> <concurrency> <threads>}: the
   * tokens on lines {@code [from, to)} of the file, one connection each.
   */
  public static void main(String[] args) throws IOException {
    List<String> lines = Files.readAllLines(Path.of(args[1]));
    List<String> tokens = lines.subList(Integer.parseInt(args[2]), Integer.parseInt(args[3]));
    FleetMember fleet = new FleetMember(args[0], tokens, args[4], Boolean.parseBoolean(args[5]),
        Integer.parseInt(args[6]), Integer.parseInt(args[7]));
    BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String command;
    while ((command = commands.readLine()) != null) {
      System.out.println(fleet.answer(command.trim().split(" ")));
      System.out.flush();
    }
    System.exit(0);
  }

  private String answer(String[] command) {
    return switch (command[0]) {
      case "open" -> open();
      case "stats" -> "STATS " + open.get() + " " + stats.frames.get() + " " + stats.events.get() + " "
          + stats.duplicates.get() + " " + stats.errors.get() + " " + stats.reconnects.get() + " "
          + stats.recovered.get() + " " + stats.notRecovered.get() + " " + closes();
      case "latency" -> latency(Long.parseLong(command[1]));
      case "recovery" -> "RECOVERY " + FleetStats.encode(stats.recoveryMillis.getIntervalHistogram()) + " "
          + stats.lastRecoveredAt.get();
      case "missing" -> missing(Long.parseLong(command[1]), Long.parseLong(command[2]));
      case "close" -> close();
      default -> "ERROR unknown command " + command[0];
    };
  }

  private String open() {
    List<Boolean> outcomes = Flux.fromIterable(members).flatMap(Member::connect, concurrency).collectList().block();
    long connected = outcomes.stream().filter(Boolean::booleanValue).count();
    Histogram handshakes = stats.handshakeMicros.getIntervalHistogram();
    return "OPENED " + connected + " " + (outcomes.size() - connected) + " " + FleetStats.encode(handshakes);
  }

  /** Arrival counts are cumulative (never reset): a reset would race with frames arriving on the event loops. */
  private String latency(long from) {
    Histogram latencies = stats.eventLatencyMicros.getIntervalHistogram();
    String arrivals = stats.arrivals.tailMap(from).entrySet().stream()
        .map(entry -> entry.getKey() + ":" + entry.getValue().count.get() + ":" + entry.getValue().last.get())
        .collect(Collectors.joining(","));
    return "LATENCY " + FleetStats.encode(latencies) + " " + (arrivals.isEmpty() ? "-" : arrivals);
  }

  private String missing(long first, long last) {
    int clients = 0;
    long events = 0;
    for (Member member : members) {
      int missing = member.missing(first, last);
      if (missing > 0) {
        clients++;
        events += missing;
      }
    }
    return "MISSING " + clients + " " + events;
  }

  private String close() {
    members.forEach(Member::leave);
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (open.get() > 0 && System.nanoTime() < deadline) {
      pause();
    }
    return "CLOSED " + open.get();
  }

  private String closes() {
    Map<Integer, Long> codes = new java.util.TreeMap<>();
    stats.closeCodes.forEach((code, count) -> codes.put(code, count.get()));
    return codes.isEmpty() ? "-" : codes.entrySet().stream().map(e -> e.getKey() + "x" + e.getValue())
        .collect(Collectors.joining(","));
  }

  /** Polling the open count while closes complete: a close handshake takes milliseconds. */
  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package com.pulse.bench.gateway;

import com.pulse.bench.JvmProbe;
import com.pulse.bench.Options;
import com.pulse.servers.LocalProcesses;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * No per-socket memory leak in the gateway: WebSocket clients open sockets through the real gateway to a stand-in
 * service, in rounds, and close them all again from the client side (normal close, 1000); after each round the
 * gateway's heap is read after a full GC. Prints every reading, the memory one open proxied socket holds, and the
 * heap after the last round against after the first.
 *
 * <pre>
 * java -cp deploy/bench/target/pulse-bench.jar com.pulse.bench.gateway.GatewaySocketMemory \
 *     [--rounds=4] [--sockets=2500] [--concurrency=200] [--timeout=120] [--settle=2] [--nmt=false]
 *     [--access-log=true] [--gateway-jvm-options="..."]
 * </pre>
 *
 * <p>{@code --sockets} are open at once in each round. Every proxied socket costs the gateway two descriptors and
 * this JVM two (client and service), and each process may hold only so many (hard {@code ulimit -n}), hence rounds
 * rather than 10,000 at once. A round counts as closed only when the service saw every close: a client's close
 * must travel through the gateway. {@code --nmt=true} runs the gateway with native memory tracking and also reports
 * NMT's "Other" (direct memory outside the JVM's buffer pool). Starts its own gateway
 * ({@code gateway/target/gateway.jar}, profile {@code local}, handshake limits raised) and stops it after.
 */
public final class GatewaySocketMemory {

  private GatewaySocketMemory() {}

  public static void main(String[] args) throws Exception {
    Options flags = Options.parse(args);
    int rounds = flags.integer("rounds", 4);
    int sockets = flags.integer("sockets", 2500);
    int concurrency = flags.integer("concurrency", 200);
    Duration timeout = flags.seconds("timeout", 120);
    Duration settle = flags.seconds("settle", 2);
    boolean nmt = flags.bool("nmt", false);
    boolean accessLog = flags.bool("access-log", true);
    List<String> jvmOptions = new ArrayList<>(flags.words("gateway-jvm-options"));
    flags.rejectUnknown();
    requireDescriptors(sockets);
    if (nmt) {
      jvmOptions.add("-XX:NativeMemoryTracking=summary");
    }

    Map<String, String> environment = new LinkedHashMap<>();
    try (HoldingSocketService upstream = HoldingSocketService.start(LocalProcesses.freePort())) {
      environment.put("NOTIFICATION_URL", upstream.url());
      // thousands of handshakes a second from one user: neither limit may be what the benchmark measures
      environment.put("PULSE_WS_HANDSHAKES_PER_SECOND", "1000000");
      environment.put("PULSE_WS_HANDSHAKE_BURST", "1000000");
      environment.put("PULSE_RATE_USER_PER_SECOND", "1000000");
      environment.put("PULSE_RATE_USER_BURST", "1000000");
      try (GatewayProcess gateway = GatewayProcess.start(environment,
          accessLog ? Map.of() : Map.of("pulse.gateway.access-log", "false"), jvmOptions)) {
        String url = gateway.url().replaceFirst("^http", "ws") + "/ws?access_token=" + gateway.token("dr.kim");
        GatewayMemory memory = new GatewayMemory(gateway.pid(), gateway.url(), nmt);
        ClientSockets clients = new ClientSockets(url);
        ProcessCpu cpu = new ProcessCpu(gateway.pid());

        List<MemoryReading> readings = new ArrayList<>();
        List<SocketRound> done = new ArrayList<>();
        MemoryReading baseline = memory.read("before", 0, 0, 0);
        readings.add(baseline);
        MemoryReading previous = baseline;
        for (int round = 1; round <= rounds; round++) {
          ProcessCpu.Sample start = cpu.sample();
          ClientSockets.Round open = clients.open(sockets, concurrency, timeout);
          ProcessCpu.Sample allOpen = cpu.sample();
          long opened = upstream.opened();
          MemoryReading whileOpen = memory.read("open", round, opened, sockets);
          readings.add(whileOpen);

          ProcessCpu.Sample closing = cpu.sample();
          open.closeAll();
          await("round " + round + ": every client socket ended", timeout, () -> open.ended() == sockets);
          await("round " + round + ": the service saw every close", timeout,
              () -> upstream.ended() == upstream.opened());
          ProcessCpu.Sample allClosed = cpu.sample();
          if (open.endedEarly() > 0) {
            System.out.printf("round %d: %d sockets ended before the client closed them%n", round,
                open.endedEarly());
          }
          Thread.sleep(settle.toMillis()); // let the gateway finish releasing what it closes asynchronously
          MemoryReading closed = memory.read("closed", round, opened, 0);
          readings.add(closed);
          SocketRound result = new SocketRound(round, sockets, seconds(start, allOpen), seconds(closing, allClosed),
              allOpen.gateway() - start.gateway(), allClosed.gateway() - closing.gateway(), previous, whileOpen,
              closed);
          done.add(result);
          System.out.printf("round %d: %d opened in %.1f s, closed in %.1f s; heap after GC %.1f MB open, %.1f MB "
              + "closed; fds %d open, %d closed%n", round, sockets, result.openSeconds(), result.closeSeconds(),
              whileOpen.heap() / 1048576.0, closed.heap() / 1048576.0, whileOpen.fds(), closed.fds());
          previous = closed;
        }

        System.out.printf("%n## Gateway sockets: memory after opening and closing, %s%n", Instant.now());
        System.out.printf("%d cores, Java %s; %d rounds x %d sockets open at once (%d handshakes in flight), "
            + "%d opened and closed in all; access log %s%n%n", Runtime.getRuntime().availableProcessors(),
            Runtime.version(), rounds, sockets, concurrency, upstream.opened(), accessLog ? "on" : "off");
        System.out.println(SocketMemoryReport.readings(readings));
        System.out.println(SocketMemoryReport.rounds(done));
        System.out.println(SocketMemoryReport.verdict(baseline, done));
        System.out.printf("Close codes the service received: %s; the clients received back: %s%n",
            upstream.closeCodes(), clients.closeCodes());
        GatewayLog.print(gateway.log());
      }
    }
    System.exit(0);
  }

  private static double seconds(ProcessCpu.Sample from, ProcessCpu.Sample to) {
    return (to.nanos() - from.nanos()) / 1e9;
  }

  /** Fails early, with the largest round that fits, rather than with "too many open files" mid-round. */
  private static void requireDescriptors(int sockets) {
    long limit = JvmProbe.openFilesLimit();
    long needed = 2L * sockets + 1000; // both ends here, or both sides in the gateway, plus jars, logs, epoll
    if (limit > 0 && needed > limit) {
      throw new IllegalArgumentException("--sockets=" + sockets + " needs about " + needed + " open files per "
          + "process, the hard limit is " + limit + ": use --sockets=" + (limit - 1000) / 2 + " or less");
    }
  }

  private static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting until " + what);
      }
      Thread.sleep(20);
    }
  }
}

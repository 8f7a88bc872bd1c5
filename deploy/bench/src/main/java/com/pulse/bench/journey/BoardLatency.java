package com.pulse.bench.journey;

import com.pulse.bench.CpuTable;
import com.pulse.bench.FrameSockets;
import com.pulse.bench.MarkdownTable;
import com.pulse.bench.Medians;
import com.pulse.bench.StackCpu;
import com.pulse.bench.StackTokens;
import com.pulse.testsupport.TestUser;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** call-next → {@code queue.update} on ward displays' {@code /ws/queue/{examId}/} sockets, sequential calls. */
final class BoardLatency {

  private final JourneyContext context;

  BoardLatency(JourneyContext context) {
    this.context = context;
  }


  void run(int count, int calls, int runs, String exam) throws Exception {
    StackTokens tokens = context.stack().tokens();
    List<URI> uris = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String token = tokens.issue(new TestUser("bench.display." + i, "Bench display " + i, List.of("DISPLAY"), null,
          null, null, exam));
      uris.add(URI.create(context.stack().socketUrl() + "/ws/queue/" + exam + "/?access_token=" + token));
    }
    List<BenchPatients.Patient> waiting = BenchPatients.insert(context.stack().jdbcUrl("journey"), tokens, "BB", calls);
    AtomicLongArray armedAt = new AtomicLongArray(count);
    Recorder latencies = new Recorder(3);
    AtomicLong seen = new AtomicLong();
    AtomicLong lastFrame = new AtomicLong(System.nanoTime());
    System.out.printf("connecting %d boards to /ws/queue/%s/ ...%n", count, exam);
    try (FrameSockets sockets = FrameSockets.open(uris, (socket, text, now) -> {
      if (!text.contains("\"type\":\"queue.update\"")) {
        return;
      }
      lastFrame.set(now);
      long armed = armedAt.getAndSet(socket, 0);
      if (armed != 0) {
        latencies.recordValue(Math.max(0, (now - armed) / 1000));
        seen.incrementAndGet();
      }
    })) {
      List<Cycle.Step> cycle = Cycle.through(exam);
      CpuTable cpuTable = new CpuTable("call", context.cpu().names());
      List<BoardRun> results = new ArrayList<>();
      for (int run = 0; run <= runs; run++) { // run 0: warm-up
        for (BenchPatients.Patient p : waiting) {
          for (Cycle.Step s : cycle.subList(0, 3)) { // scan, register, join the queue
            context.http().call("POST", s.path() != null ? s.path() : "/api/journey/me/actions", p.token(), s.body(), 200);
          }
        }
        Histogram answers = new Histogram(3);
        Map<String, Double> before = context.cpu().read();
        for (int c = 0; c < calls; c++) {
          while (System.nanoTime() - lastFrame.get() < TimeUnit.MILLISECONDS.toNanos(300)) {
            Thread.sleep(20); // the boards are quiet: the next frame is this call's
          }
          long sent = System.nanoTime();
          for (int i = 0; i < count; i++) {
            armedAt.set(i, sent);
          }
          context.http().call("POST", "/api/journey/queues/" + exam + "/call-next", context.nurse(), "{}", 200);
          answers.recordValue((System.nanoTime() - sent) / 1000);
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
          while (anyArmed(armedAt) && System.nanoTime() < deadline) {
            Thread.sleep(1);
          }
        }
        Map<String, Double> used = StackCpu.between(before, context.cpu().read());
        Histogram micros = latencies.getIntervalHistogram();
        long delivered = seen.getAndSet(0);
        if (run > 0) {
          cpuTable.add(count + " boards", run, calls, used);
          results.add(new BoardRun(calls, (long) calls * count, delivered, micros, answers));
          System.out.printf("call-next, run %d: p50 %.1f ms, p99 %.1f ms, %d of %d frames%n", run,
              ms(micros.getValueAtPercentile(50)), ms(micros.getValueAtPercentile(99)), delivered,
              (long) calls * count);
        }
        for (BenchPatients.Patient p : waiting) { // on through the exam and out, ready for the next run
          for (Cycle.Step s : cycle.subList(4, cycle.size())) {
            context.http().call("POST", "/api/journey/me/actions", p.token(), s.body(), 200);
          }
        }
      }
      String[] header = {"boards", "run", "calls", "expected frames", "delivered", "p50 ms", "p95 ms", "p99 ms",
          "max ms", "call-next p50 ms", "call-next p99 ms"};
      MarkdownTable medians = new MarkdownTable(header);
      medians.row(count, results.size(), results.stream().mapToLong(BoardRun::calls).sum(),
          results.stream().mapToLong(BoardRun::expected).sum(), results.stream().mapToLong(BoardRun::delivered).sum(),
          Medians.of(results, r -> ms(r.micros().getValueAtPercentile(50))),
          Medians.of(results, r -> ms(r.micros().getValueAtPercentile(95))),
          Medians.of(results, r -> ms(r.micros().getValueAtPercentile(99))),
          Medians.of(results, r -> ms(r.micros().getMaxValue())),
          Medians.of(results, r -> ms(r.answers().getValueAtPercentile(50))),
          Medians.of(results, r -> ms(r.answers().getValueAtPercentile(99))));
      MarkdownTable runsTable = new MarkdownTable(header);
      for (int i = 0; i < results.size(); i++) {
        BoardRun r = results.get(i);
        runsTable.row(count, i + 1, r.calls(), r.expected(), r.delivered(), ms(r.micros().getValueAtPercentile(50)),
            ms(r.micros().getValueAtPercentile(95)), ms(r.micros().getValueAtPercentile(99)),
            ms(r.micros().getMaxValue()), ms(r.answers().getValueAtPercentile(50)),
            ms(r.answers().getValueAtPercentile(99)));
      }
      System.out.printf("%n### call-next → `queue.update` on %d boards (/ws/queue/%s/), %d sequential calls per "
          + "run%n%n",
          count, exam, calls);
      System.out.println(medians);
      System.out.println(runsTable);
      System.out.println(cpuTable.print(""));
    }
  }

  private record BoardRun(long calls, long expected, long delivered, Histogram micros, Histogram answers) {}

  private static boolean anyArmed(AtomicLongArray armedAt) {
    for (int i = 0; i < armedAt.length(); i++) {
      if (armedAt.get(i) != 0) {
        return true;
      }
    }
    return false;
  }

  private static double ms(long micros) {
    return micros / 1000.0;
  }
}

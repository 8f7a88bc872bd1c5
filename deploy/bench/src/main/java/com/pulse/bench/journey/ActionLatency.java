package com.pulse.bench.journey;

import com.pulse.bench.OpenLoop;
import com.pulse.bench.BenchHttp;
import com.pulse.bench.CpuTable;
import com.pulse.bench.FrameSockets;
import com.pulse.bench.MarkdownTable;
import com.pulse.bench.Medians;
import com.pulse.bench.StackCpu;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import tools.jackson.databind.JsonNode;

/**
 * Action → {@code state_update}: patients round their visit at a fixed rate of actions (open loop), each on its own
 * {@code /ws/patient-journey/} socket.
 */
final class ActionLatency {

  private final JourneyContext context;

  ActionLatency(JourneyContext context) {
    this.context = context;
  }


  void run(int[] rates, Duration duration, Duration warmup, int runs, int count, String exam)
      throws Exception {
    List<BenchPatients.Patient> patients = BenchPatients.insert(context.stack().jdbcUrl("journey"), context.stack().tokens(), "BA",
        count);
    List<Cycle.Step> cycle = Cycle.through(exam);
    Map<String, Long> dueAt = new ConcurrentHashMap<>();
    Recorder latencies = new Recorder(3);
    AtomicLong delivered = new AtomicLong();
    CountDownLatch initial = new CountDownLatch(count);
    // a patient app whose first read failed (journey-service cold, its breaker open) asks again, as the seed's does
    AtomicLong unavailable = new AtomicLong();
    Set<Integer> askAgain = ConcurrentHashMap.newKeySet();
    List<URI> uris = patients.stream().map(p -> URI.create(context.stack().socketUrl() + "/ws/patient-journey/?access_token="
        + p.token())).toList();
    System.out.printf("connecting %d patients to /ws/patient-journey/ ...%n", count);
    try (FrameSockets sockets = FrameSockets.open(uris, (socket, text, now) -> {
      JsonNode frame = BenchHttp.JSON.readTree(text);
      switch (frame.path("type").asString("")) {
        case "initial_state" -> initial.countDown();
        case "error" -> {
          if (unavailable.incrementAndGet() == 1) {
            System.out.println("first refused read: " + text);
          }
          askAgain.add(socket);
        }
        case "state_update" -> {
          Long due = dueAt.remove(socket + " " + frame.path("payload").path("journey_state").asString(""));
          if (due != null) {
            latencies.recordValue(Math.max(0, (now - due) / 1000));
            delivered.incrementAndGet();
          }
        }
        default -> { }
      }
    })) {
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!initial.await(1, TimeUnit.SECONDS) && System.nanoTime() < until) {
        for (Integer socket : List.copyOf(askAgain)) {
          askAgain.remove(socket);
          sockets.send(socket, "{\"command\":\"fetch_initial_state\"}");
        }
      }
      if (initial.getCount() > 0) {
        throw new IllegalStateException(initial.getCount() + " patient sockets got no initial_state ("
            + unavailable.get() + " reads refused)");
      }
      if (unavailable.get() > 0) {
        System.out.printf("%d first reads were refused and asked again%n", unavailable.get());
      }
      int[] step = new int[count];
      ConcurrentLinkedQueue<Integer> idle = new ConcurrentLinkedQueue<>();
      for (int i = 0; i < count; i++) {
        idle.add(i);
      }
      CpuTable cpuTable = new CpuTable("action", context.cpu().names());
      List<ActionRun> results = new ArrayList<>();
      for (int rate : rates) {
        System.out.printf("actions at %d/s: warm-up %d s%n", rate, warmup.toSeconds());
        drive(rate, warmup, patients, cycle, step, idle, dueAt);
        settle(delivered);
        dueAt.clear(); // a warm-up frame later still than the settling is not counted in the run
        latencies.reset();
        delivered.set(0);
        for (int run = 1; run <= runs; run++) {
          Map<String, Double> before = context.cpu().read();
          long[] sent = drive(rate, duration, patients, cycle, step, idle, dueAt);
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
          while (delivered.get() < sent[0] && System.nanoTime() < deadline) {
            Thread.sleep(10);
          }
          cpuTable.add(rate + " actions/s", run, sent[0], StackCpu.between(before, context.cpu().read()));
          ActionRun result = new ActionRun(rate, sent[0] * 1e9 / sent[2], sent[0], sent[1], delivered.getAndSet(0),
              latencies.getIntervalHistogram());
          dueAt.clear();
          System.out.printf("actions at %d/s, run %d: p50 %.1f ms, p99 %.1f ms, lost %d%n", rate, run,
              ms(result.micros().getValueAtPercentile(50)), ms(result.micros().getValueAtPercentile(99)),
              result.lost());
          results.add(result);
        }
      }
      String[] header = {"actions/s (target)", "run", "actions/s", "accepted", "refused", "delivered", "lost",
          "p50 ms", "p95 ms", "p99 ms", "max ms"};
      MarkdownTable medians = new MarkdownTable(header);
      MarkdownTable runsTable = new MarkdownTable(header);
      for (int rate : rates) {
        List<ActionRun> atRate = results.stream().filter(r -> r.rate() == rate).toList();
        for (int i = 0; i < atRate.size(); i++) {
          atRate.get(i).row(runsTable, Integer.toString(i + 1));
        }
        medians.row(rate, atRate.size(), Medians.of(atRate, ActionRun::achieved),
            atRate.stream().mapToLong(ActionRun::accepted).sum(), atRate.stream().mapToLong(ActionRun::refused).sum(),
            atRate.stream().mapToLong(ActionRun::delivered).sum(), atRate.stream().mapToLong(ActionRun::lost).sum(),
            Medians.of(atRate, r -> ms(r.micros().getValueAtPercentile(50))),
            Medians.of(atRate, r -> ms(r.micros().getValueAtPercentile(95))),
            Medians.of(atRate, r -> ms(r.micros().getValueAtPercentile(99))),
            Medians.of(atRate, r -> ms(r.micros().getMaxValue())));
      }
      System.out.printf("%n### Action → `state_update` on the patient's /ws/patient-journey/ (%d patients, exam %s)"
          + "%n%n", count, exam);
      System.out.println(medians);
      System.out.println(runsTable);
      System.out.println(cpuTable.print(""));
    }
  }

  private record ActionRun(int rate, double achieved, long accepted, long refused, long delivered,
      Histogram micros) {
    long lost() {
      return accepted - delivered;
    }

    void row(MarkdownTable table, String run) {
      table.row(rate, run, achieved, accepted, refused, delivered, lost(), ms(micros.getValueAtPercentile(50)),
          ms(micros.getValueAtPercentile(95)), ms(micros.getValueAtPercentile(99)), ms(micros.getMaxValue()));
    }
  }

  /**
   * Actions on a fixed schedule, each by the next idle patient (its next step); a patient is idle again once its
   * answer came. A refused patient leaves the pool (its state is no longer known). {accepted, refused, nanos}.
   */
  private long[] drive(int rate, Duration duration, List<BenchPatients.Patient> patients, List<Cycle.Step> cycle,
      int[] step, ConcurrentLinkedQueue<Integer> idle, Map<String, Long> dueAt) throws InterruptedException {
    OpenLoop loop = new OpenLoop(rate, duration);
    long total = loop.total();
    AtomicLong accepted = new AtomicLong();
    AtomicLong refused = new AtomicLong();
    CountDownLatch answered = new CountDownLatch((int) total);
    for (long i = 0; i < total; i++) {
      long due = loop.awaitDue(i);
      Integer patient;
      long waitingSince = System.nanoTime();
      while ((patient = idle.poll()) == null) {
        if (System.nanoTime() - waitingSince > TimeUnit.SECONDS.toNanos(30)) {
          throw new IllegalStateException("no patient idle for 30 s (" + refused.get() + " refused so far)");
        }
        LockSupport.parkNanos(100_000);
      }
      int who = patient;
      Cycle.Step next = cycle.get(step[who]);
      BenchPatients.Patient p = patients.get(who);
      String path = next.path() != null ? next.path()
          : next.staff() ? "/api/journey/patients/" + p.patientId() + "/actions" : "/api/journey/me/actions";
      HttpRequest request = context.http().request("POST", path, next.staff() ? context.nurse() : p.token(), next.body());
      dueAt.put(who + " " + next.state(), due);
      context.http().sendAsync(request).whenComplete((response, error) -> {
        if (error == null && response.statusCode() == 200) {
          accepted.incrementAndGet();
          step[who] = (step[who] + 1) % cycle.size();
          idle.add(who);
        } else {
          dueAt.remove(who + " " + next.state());
          if (refused.incrementAndGet() <= 3) {
            System.out.println("action refused: " + (error != null ? error
                : response.statusCode() + " " + response.body()));
          }
        }
        answered.countDown();
      });
    }
    answered.await(60, TimeUnit.SECONDS);
    return new long[] {accepted.get(), refused.get(), loop.elapsed()};
  }

  private static void settle(AtomicLong delivered) throws InterruptedException {
    long before;
    do {
      before = delivered.get();
      Thread.sleep(500);
    } while (delivered.get() != before);
  }

  private static double ms(long micros) {
    return micros / 1000.0;
  }
}

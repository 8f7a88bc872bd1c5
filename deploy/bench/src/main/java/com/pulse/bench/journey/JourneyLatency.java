package com.pulse.bench.journey;

import com.pulse.bench.BenchHttp;
import com.pulse.bench.CpuTable;
import com.pulse.bench.FrameSockets;
import com.pulse.bench.GatewayTokens;
import com.pulse.bench.MarkdownTable;
import com.pulse.bench.Medians;
import com.pulse.bench.Options;
import com.pulse.bench.StackCpu;
import com.pulse.bench.StackTokens;
import com.pulse.bench.StackUnderTest;
import com.pulse.testsupport.TestUser;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import tools.jackson.databind.JsonNode;

/**
 * journey-service through the gateway, two measurements:
 *
 * <ol>
 *   <li>action → {@code state_update} frame: patients go round their whole visit (NFC scan, register, join the
 *       {@code --exam} queue, called by a nurse, exam, payment, leave) at fixed rates of actions per second (open
 *       loop: at each due moment the next idle patient acts; waiting for one counts as latency), each watching their
 *       own {@code /ws/patient-journey/} socket (the catalog's {@code journey:patient:{id}}, the patient's own);</li>
 *   <li>call-next → board frame: {@code --boards} ward displays on {@code /ws/queue/{examId}/} (DISPLAY users of
 *       that department), {@code --calls} sequential {@code call-next}s per run, each timed from its POST to the
 *       {@code queue.update} frame on every board.</li>
 * </ol>
 *
 * <pre>
 * java -cp deploy/bench/target/pulse-bench.jar com.pulse.bench.journey.JourneyLatency [--rates=50,500]
 *      [--duration=30] [--warmup=10] [--runs=3] [--patients=200] [--exam=BLOOD] [--boards=100] [--calls=50]
 *      [--board-exam=XRAY] [--gateway=http://localhost:8080 --data=.pulse-data]
 * </pre>
 *
 * Patients are inserted into journey-service's database (no API registers patients) with tokens signed by the
 * stack's key; {@code nurse.yoon} calls them. Without {@code --gateway} it starts its own local stack and stops it
 * after.
 */
public final class JourneyLatency {

  private final StackUnderTest stack;
  private final BenchHttp http;
  private final String nurse;
  private final StackCpu cpu;

  private JourneyLatency(StackUnderTest stack) throws Exception {
    this.stack = stack;
    this.http = new BenchHttp(stack.gatewayUrl());
    this.nurse = GatewayTokens.fetch(stack.gatewayUrl(), "nurse.yoon");
    this.cpu = stack.cpu();
  }

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    int[] rates = options.integers("rates", "50,500");
    Duration duration = options.seconds("duration", 30);
    Duration warmup = options.seconds("warmup", 10);
    int runs = options.integer("runs", 3);
    int patients = options.integer("patients", 200);
    String exam = options.text("exam", "BLOOD");
    int boards = options.integer("boards", 100);
    int calls = options.integer("calls", 50);
    String boardExam = options.text("board-exam", "XRAY");
    JourneyLatency bench = new JourneyLatency(StackUnderTest.from(options));
    System.out.printf("%n## Journey through the gateway, %s%n%d cores, Java %s%n%n", Instant.now(),
        Runtime.getRuntime().availableProcessors(), Runtime.version());
    if (patients > 0) {
      bench.actions(rates, duration, warmup, runs, patients, exam);
    }
    if (boards > 0 && calls > 0) {
      bench.boards(boards, calls, runs, boardExam);
    }
    System.exit(0); // runs the hook that stops the stack, whatever client threads are still alive
  }

  // ---- action → state_update ---------------------------------------------------------------------------------

  private void actions(int[] rates, Duration duration, Duration warmup, int runs, int count, String exam)
      throws Exception {
    List<BenchPatients.Patient> patients = BenchPatients.insert(stack.jdbcUrl("journey"), stack.tokens(), "BA",
        count);
    List<Cycle.Step> cycle = Cycle.through(exam);
    Map<String, Long> dueAt = new ConcurrentHashMap<>();
    Recorder latencies = new Recorder(3);
    AtomicLong delivered = new AtomicLong();
    CountDownLatch initial = new CountDownLatch(count);
    List<URI> uris = patients.stream().map(p -> URI.create(stack.socketUrl() + "/ws/patient-journey/?access_token="
        + p.token())).toList();
    System.out.printf("connecting %d patients to /ws/patient-journey/ ...%n", count);
    try (FrameSockets sockets = FrameSockets.open(uris, (socket, text, now) -> {
      JsonNode frame = BenchHttp.JSON.readTree(text);
      switch (frame.path("type").asString("")) {
        case "initial_state" -> initial.countDown();
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
      if (!initial.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException(initial.getCount() + " patient sockets got no initial_state");
      }
      int[] step = new int[count];
      ConcurrentLinkedQueue<Integer> idle = new ConcurrentLinkedQueue<>();
      for (int i = 0; i < count; i++) {
        idle.add(i);
      }
      CpuTable cpuTable = new CpuTable("action", cpu.names());
      List<ActionRun> results = new ArrayList<>();
      for (int rate : rates) {
        System.out.printf("actions at %d/s: warm-up %d s%n", rate, warmup.toSeconds());
        drive(rate, warmup, patients, cycle, step, idle, dueAt);
        settle(delivered);
        latencies.reset();
        delivered.set(0);
        for (int run = 1; run <= runs; run++) {
          Map<String, Double> before = cpu.read();
          long[] sent = drive(rate, duration, patients, cycle, step, idle, dueAt);
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
          while (delivered.get() < sent[0] && System.nanoTime() < deadline) {
            Thread.sleep(10);
          }
          cpuTable.add(rate + " actions/s", run, sent[0], StackCpu.between(before, cpu.read()));
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
      System.out.println("CPU per action (ms), median of the runs, then each run:\n");
      System.out.println(cpuTable.medians());
      System.out.println(cpuTable.runs());
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
    long interval = 1_000_000_000L / rate;
    long total = rate * duration.toSeconds();
    AtomicLong accepted = new AtomicLong();
    AtomicLong refused = new AtomicLong();
    CountDownLatch answered = new CountDownLatch((int) total);
    long start = System.nanoTime() + 20_000_000;
    for (long i = 0; i < total; i++) {
      long due = start + i * interval;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
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
      HttpRequest request = http.request("POST", path, next.staff() ? nurse : p.token(), next.body());
      dueAt.put(who + " " + next.state(), due);
      http.sendAsync(request).whenComplete((response, error) -> {
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
    return new long[] {accepted.get(), refused.get(), System.nanoTime() - start};
  }

  private static void settle(AtomicLong delivered) throws InterruptedException {
    long before;
    do {
      before = delivered.get();
      Thread.sleep(500);
    } while (delivered.get() != before);
  }

  // ---- call-next → board frame -------------------------------------------------------------------------------

  private void boards(int count, int calls, int runs, String exam) throws Exception {
    StackTokens tokens = stack.tokens();
    List<URI> uris = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String token = tokens.issue(new TestUser("bench.display." + i, "Bench display " + i, List.of("DISPLAY"), null,
          null, null, exam));
      uris.add(URI.create(stack.socketUrl() + "/ws/queue/" + exam + "/?access_token=" + token));
    }
    List<BenchPatients.Patient> waiting = BenchPatients.insert(stack.jdbcUrl("journey"), tokens, "BB", calls);
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
      CpuTable cpuTable = new CpuTable("call", cpu.names());
      List<BoardRun> results = new ArrayList<>();
      for (int run = 0; run <= runs; run++) { // run 0: warm-up
        for (BenchPatients.Patient p : waiting) {
          for (Cycle.Step s : cycle.subList(0, 3)) { // scan, register, join the queue
            http.call("POST", s.path() != null ? s.path() : "/api/journey/me/actions", p.token(), s.body(), 200);
          }
        }
        Histogram answers = new Histogram(3);
        Map<String, Double> before = cpu.read();
        for (int c = 0; c < calls; c++) {
          while (System.nanoTime() - lastFrame.get() < TimeUnit.MILLISECONDS.toNanos(300)) {
            Thread.sleep(20); // the boards are quiet: the next frame is this call's
          }
          long sent = System.nanoTime();
          for (int i = 0; i < count; i++) {
            armedAt.set(i, sent);
          }
          http.call("POST", "/api/journey/queues/" + exam + "/call-next", nurse, "{}", 200);
          answers.recordValue((System.nanoTime() - sent) / 1000);
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
          while (anyArmed(armedAt) && System.nanoTime() < deadline) {
            Thread.sleep(1);
          }
        }
        Map<String, Double> used = StackCpu.between(before, cpu.read());
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
            http.call("POST", "/api/journey/me/actions", p.token(), s.body(), 200);
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
      System.out.printf("%n### call-next → `queue.update` on %d boards (/ws/queue/%s/), %d sequential calls per run%n%n",
          count, exam, calls);
      System.out.println(medians);
      System.out.println(runsTable);
      System.out.println("CPU per call-next (ms), median of the runs, then each run:\n");
      System.out.println(cpuTable.medians());
      System.out.println(cpuTable.runs());
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

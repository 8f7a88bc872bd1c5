package com.pulse.bench.vote;

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
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;

/**
 * Seed 002's promise, measured: N employees watch a poll on the seed's socket ({@code /ws/votes}, through the
 * gateway), N ballots arrive within one second through the gateway, and each screen is timed until it shows the
 * exact final tally. Also the frames each screen received and the CPU each process spent per ballot.
 *
 * <pre>
 * java -cp deploy/bench/target/pulse-bench.jar com.pulse.bench.vote.VoteTally [--employees=1000] [--burst=1000]
 *      [--options=4] [--runs=3] [--warmup=1] [--gateway=http://localhost:8080 --data=.pulse-data]
 * </pre>
 *
 * {@code --burst}: the milliseconds the N ballots are spread over (open loop, evenly). Each run is a new poll (LIVE
 * results, PLACE kind), joined by every socket ({@code join}) and confirmed by presence before the ballots start.
 * Employees are {@code bench.emp.30001…} with tokens signed by the stack's own key (the gateway's sign-in knows
 * only the 50 demo employees). Without {@code --gateway} it starts its own local stack and stops it after.
 * {@code --warmup}: whole rounds run first and not recorded. With the environment variable {@code BENCH_TRACE} set,
 * the first screen's frames are printed (to see why a screen never shows the tally).
 */
public final class VoteTally {

  private static final int FIRST_EMP_NO = 30001;

  private final BenchHttp http;
  private final String admin;
  private final List<String> employees;
  private final int options;
  private final long burstMillis;
  private final FrameSockets sockets;
  private final AtomicLongArray finalAt;
  private final AtomicLongArray tallyFrames;
  private final AtomicLongArray allFrames;
  private final CountDownLatch acknowledged;
  private volatile FinalTally expected;

  private VoteTally(StackUnderTest stack, int employeeCount, int options, long burstMillis) throws Exception {
    this.http = new BenchHttp(stack.gatewayUrl());
    this.admin = GatewayTokens.fetch(stack.gatewayUrl(), "admin");
    this.options = options;
    this.burstMillis = burstMillis;
    StackTokens tokens = stack.tokens();
    List<String> issued = new ArrayList<>();
    List<URI> uris = new ArrayList<>();
    for (int i = 0; i < employeeCount; i++) {
      String empNo = Integer.toString(FIRST_EMP_NO + i);
      String token = tokens.issue(new TestUser("bench.emp." + empNo, "Bench employee " + empNo, List.of("EMPLOYEE"),
          null, null, empNo));
      issued.add(token);
      uris.add(URI.create(stack.socketUrl() + "/ws/votes?emp_no=" + empNo + "&access_token=" + token));
    }
    this.employees = List.copyOf(issued);
    this.finalAt = new AtomicLongArray(employeeCount);
    this.tallyFrames = new AtomicLongArray(employeeCount);
    this.allFrames = new AtomicLongArray(employeeCount);
    this.acknowledged = new CountDownLatch(employeeCount);
    System.out.printf("connecting %d employees to /ws/votes ...%n", employeeCount);
    this.sockets = FrameSockets.open(uris, this::frame);
    if (!acknowledged.await(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException(acknowledged.getCount() + " sockets got no connection_ack");
    }
  }

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    int employees = options.integer("employees", 1000);
    int pollOptions = options.integer("options", 4);
    long burst = options.integer("burst", 1000);
    int runs = options.integer("runs", 3);
    int warmup = options.integer("warmup", 1);
    StackUnderTest stack = StackUnderTest.from(options);
    StackCpu cpu = stack.cpu();
    CpuTable cpuTable = new CpuTable("ballot", cpu.names());
    List<Round> rounds = new ArrayList<>();
    VoteTally bench = new VoteTally(stack, employees, pollOptions, burst);
    for (int round = 1; round <= warmup + runs; round++) {
      boolean measured = round > warmup;
      Map<String, Double> before = cpu.read();
      Round result = bench.round();
      Map<String, Double> used = StackCpu.between(before, cpu.read());
      System.out.printf("%s %d: %d/%d screens exact, last screen %.1f ms after the last ballot%n",
          measured ? "run" : "warm-up", measured ? round - warmup : round, result.complete(), employees,
          result.afterLastBallot().getMaxValue() / 1000.0);
      if (measured) {
        rounds.add(result);
        cpuTable.add(employees + " employees", round - warmup, result.accepted(), used);
      }
    }
    System.out.printf("%n## Vote: %d ballots within %d ms → every screen shows the final tally, %s%n", employees,
        burst, Instant.now());
    System.out.printf("%d employees on /ws/votes through the gateway, %d options, %d cores, Java %s, %d warm-up "
        + "round(s)%n%n", employees, pollOptions, Runtime.getRuntime().availableProcessors(), Runtime.version(),
        warmup);
    System.out.println(Round.medians(employees, rounds));
    System.out.println(Round.table(rounds));
    System.out.println(cpuTable.print(""));
    System.exit(0); // runs the hook that stops the stack, whatever client threads are still alive
  }

  /** One poll: open it, have every screen join it, cast every ballot within the burst, wait for every screen. */
  private Round round() throws Exception {
    StringBuilder labels = new StringBuilder();
    for (int i = 0; i < options; i++) {
      labels.append(i == 0 ? "" : ",").append("{\"label\":\"Place ").append(i + 1).append("\"}");
    }
    JsonNode poll = http.call("POST", "/api/vote/polls", admin, "{\"title\":\"Bench " + System.nanoTime()
        + "\",\"kind\":\"PLACE\",\"options\":[" + labels + "]}", 201);
    long pollId = poll.path("id").asLong();
    List<Long> optionIds = new ArrayList<>();
    poll.path("options").forEach(option -> optionIds.add(option.path("id").asLong()));
    // employee i votes option (i mod k) for k of 1, 2, …: uneven counts, so a wrong option shows
    int[] choice = new int[employees.size()];
    Map<Long, Integer> counts = new HashMap<>();
    optionIds.forEach(id -> counts.put(id, 0));
    for (int i = 0; i < choice.length; i++) {
      choice[i] = (i % (1 + i % optionIds.size())) % optionIds.size();
      counts.merge(optionIds.get(choice[i]), 1, Integer::sum);
    }
    for (int i = 0; i < employees.size(); i++) {
      finalAt.set(i, 0);
      tallyFrames.set(i, 0);
      allFrames.set(i, 0);
    }
    expected = new FinalTally(pollId, employees.size(), counts);
    for (int i = 0; i < sockets.size(); i++) {
      sockets.send(i, "{\"type\":\"join\",\"poll_id\":" + pollId + "}");
    }
    awaitPresence(pollId);

    Histogram answers = new Histogram(3);
    AtomicLong accepted = new AtomicLong();
    AtomicLong rejected = new AtomicLong();
    AtomicLong lastAnswer = new AtomicLong();
    CountDownLatch answered = new CountDownLatch(employees.size());
    long interval = TimeUnit.MILLISECONDS.toNanos(burstMillis) / employees.size();
    long start = System.nanoTime() + 20_000_000;
    long lastDue = start + (employees.size() - 1) * interval;
    for (int i = 0; i < employees.size(); i++) {
      long due = start + i * interval;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      http.sendAsync(http.request("PUT", "/api/vote/polls/" + pollId + "/ballot", employees.get(i),
          "{\"optionIds\":[" + optionIds.get(choice[i]) + "]}")).whenComplete((response, error) -> {
            long now = System.nanoTime();
            if (error == null && response.statusCode() == 200) {
              synchronized (answers) {
                answers.recordValue(Math.max(0, (now - due) / 1000));
              }
              accepted.incrementAndGet();
            } else {
              rejected.incrementAndGet();
              if (rejected.get() <= 3) {
                System.out.println("ballot refused: " + (error != null ? error : status(response)));
              }
            }
            lastAnswer.accumulateAndGet(now, Math::max);
            answered.countDown();
          });
    }
    answered.await(60, TimeUnit.SECONDS);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (complete() < employees.size() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    Histogram afterBallot = new Histogram(3);
    Histogram afterAnswer = new Histogram(3);
    for (int i = 0; i < employees.size(); i++) {
      long at = finalAt.get(i);
      if (at != 0) {
        afterBallot.recordValue(Math.max(0, (at - lastDue) / 1000));
        afterAnswer.recordValue(Math.max(0, (at - lastAnswer.get()) / 1000));
      }
    }
    long[] tallies = new long[employees.size()];
    long[] frames = new long[employees.size()];
    for (int i = 0; i < employees.size(); i++) {
      tallies[i] = tallyFrames.get(i);
      frames[i] = allFrames.get(i);
    }
    double seconds = (lastAnswer.get() - start) / 1e9;
    return new Round(accepted.get(), rejected.get(), accepted.get() / seconds, answers, complete(), afterBallot,
        afterAnswer, tallies, frames);
  }

  private static String status(HttpResponse<String> response) {
    return response.statusCode() + " " + response.body();
  }

  private int complete() {
    int done = 0;
    for (int i = 0; i < finalAt.length(); i++) {
      done += finalAt.get(i) != 0 ? 1 : 0;
    }
    return done;
  }

  /** Every socket joined the poll: notification-service counts them (all on one instance: at once). */
  private void awaitPresence(long pollId) throws Exception {
    String path = "/api/notifications/presence?channel=" + URLEncoder.encode("vote:poll:" + pollId,
        StandardCharsets.UTF_8);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    int clients = -1;
    while (System.nanoTime() < deadline) {
      clients = http.call("GET", path, admin, null, 200).path("clients").asInt();
      if (clients >= employees.size()) {
        return;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("only " + clients + " of " + employees.size() + " sockets joined poll "
        + pollId);
  }

  private void frame(int socket, String text, long nanos) {
    JsonNode frame = BenchHttp.JSON.readTree(text);
    String type = frame.path("type").asString("");
    if (type.equals("connection_ack")) {
      acknowledged.countDown();
      return;
    }
    if (socket == 0 && System.getenv("BENCH_TRACE") != null) {
      System.out.println("socket 0: " + text);
    }
    FinalTally tally = expected;
    if (tally == null || frame.path("data").path("poll_id").asLong(-1) != tally.pollId()) {
      return;
    }
    allFrames.incrementAndGet(socket);
    if (type.equals("vote_update") && frame.path("event").asString("").equals("tallied")) {
      tallyFrames.incrementAndGet(socket);
      if (tally.shownBy(frame.path("data"))) {
        finalAt.compareAndSet(socket, 0, nanos);
      }
    }
  }

  /**
   * One round's outcome.
   *
   * @param afterLastBallot per screen: from the moment the last ballot was due to the frame with the final tally
   * @param afterLastAnswer the same from the last ballot's answer (the last change committed)
   * @param tallyFrames per screen: {@code vote_update} frames of the poll
   * @param frames per screen: every frame of the poll ({@code vote_update} and its {@code place_vote}s)
   */
  record Round(long accepted, long rejected, double ballotsPerSecond, Histogram answerMicros, int complete,
      Histogram afterLastBallot, Histogram afterLastAnswer, long[] tallyFrames, long[] frames) {

    private static final String[] HEADER = {"", "run", "ballots/s", "accepted", "rejected", "ballot p50 ms",
        "ballot p99 ms", "screens exact", "final p50 ms", "final p99 ms", "final max ms", "after answer p50 ms",
        "after answer p99 ms", "tally frames/screen", "max", "frames/screen"};

    static String table(List<Round> rounds) {
      MarkdownTable table = new MarkdownTable(HEADER);
      for (int i = 0; i < rounds.size(); i++) {
        rounds.get(i).row(table, "", Integer.toString(i + 1));
      }
      return table.toString();
    }

    static String medians(int employees, List<Round> rounds) {
      MarkdownTable table = new MarkdownTable(HEADER);
      table.row(employees + " employees", rounds.size() + " runs",
          Medians.of(rounds, Round::ballotsPerSecond),
          rounds.stream().mapToLong(Round::accepted).sum(), rounds.stream().mapToLong(Round::rejected).sum(),
          Medians.of(rounds, r -> ms(r.answerMicros().getValueAtPercentile(50))),
          Medians.of(rounds, r -> ms(r.answerMicros().getValueAtPercentile(99))),
          rounds.stream().mapToInt(Round::complete).min().orElse(0) + " (fewest)",
          Medians.of(rounds, r -> ms(r.afterLastBallot().getValueAtPercentile(50))),
          Medians.of(rounds, r -> ms(r.afterLastBallot().getValueAtPercentile(99))),
          Medians.of(rounds, r -> ms(r.afterLastBallot().getMaxValue())),
          Medians.of(rounds, r -> ms(r.afterLastAnswer().getValueAtPercentile(50))),
          Medians.of(rounds, r -> ms(r.afterLastAnswer().getValueAtPercentile(99))),
          Medians.of(rounds, r -> Medians.of(Arrays.stream(r.tallyFrames()).asDoubleStream().toArray())),
          Medians.max(rounds, r -> Arrays.stream(r.tallyFrames()).max().orElse(0)),
          Medians.of(rounds, r -> Medians.of(Arrays.stream(r.frames()).asDoubleStream().toArray())));
      return table.toString();
    }

    private void row(MarkdownTable table, String label, String run) {
      table.row(label, run, ballotsPerSecond, accepted, rejected, ms(answerMicros.getValueAtPercentile(50)),
          ms(answerMicros.getValueAtPercentile(99)), Integer.toString(complete),
          ms(afterLastBallot.getValueAtPercentile(50)), ms(afterLastBallot.getValueAtPercentile(99)),
          ms(afterLastBallot.getMaxValue()), ms(afterLastAnswer.getValueAtPercentile(50)),
          ms(afterLastAnswer.getValueAtPercentile(99)),
          Medians.of(Arrays.stream(tallyFrames).asDoubleStream().toArray()),
          (double) Arrays.stream(tallyFrames).max().orElse(0),
          Medians.of(Arrays.stream(frames).asDoubleStream().toArray()));
    }

    private static double ms(long micros) {
      return micros / 1000.0;
    }
  }
}

package com.pulse.bench.journey;

import com.pulse.bench.Options;
import com.pulse.bench.StackUnderTest;
import java.time.Duration;
import java.time.Instant;

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

  private JourneyLatency() {}

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
    JourneyContext context = JourneyContext.of(StackUnderTest.from(options));
    System.out.printf("%n## Journey through the gateway, %s%n%d cores, Java %s%n%n", Instant.now(),
        Runtime.getRuntime().availableProcessors(), Runtime.version());
    if (patients > 0) {
      new ActionLatency(context).run(rates, duration, warmup, runs, patients, exam);
    }
    if (boards > 0 && calls > 0) {
      new BoardLatency(context).run(boards, calls, runs, boardExam);
    }
    System.exit(0); // runs the hook that stops the stack, whatever client threads are still alive
  }
}

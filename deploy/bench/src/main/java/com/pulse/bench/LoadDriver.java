package com.pulse.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Phaser;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * POSTs orders through the gateway on a fixed schedule (open loop: a slow answer never delays the next order, so
 * slowness shows up as latency instead of hiding as a lower rate). In lifecycle mode each order then goes through
 * accept → start → complete by a RIS worker, each step sent as soon as the previous one was answered.
 */
final class LoadDriver {

  /** The steps after creation, in order, as {@code /api/ocs/orders/{id}/<action>} with its body. */
  private static final List<String[]> LIFECYCLE = List.of(new String[] {"accept", ""},
      new String[] {"start", ""}, new String[] {"complete", "{\"result\":\"No acute findings.\"}"});
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

  // HTTP/1.1 outright: the default (HTTP/2) first offers an h2c upgrade on every new connection, for nothing
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final String orders;
  private final String doctor;
  private final String worker;
  private final boolean lifecycle;

  /**
   * @param doctorToken creates the orders
   * @param workerToken a RIS worker's, for the lifecycle steps
   * @param lifecycle whether each order goes on to accept, start and complete
   */
  LoadDriver(String gatewayUrl, String doctorToken, String workerToken, boolean lifecycle) {
    this.orders = gatewayUrl + "/api/ocs/orders";
    this.doctor = "Bearer " + doctorToken;
    this.worker = "Bearer " + workerToken;
    this.lifecycle = lifecycle;
  }

  /** Events each order produces. */
  int eventsPerOrder() {
    return lifecycle ? 1 + LIFECYCLE.size() : 1;
  }

  /** Sends {@code rate × duration} orders with codes {@code <prefix>-<n>}; waits for every answer. */
  Sent run(String prefix, int rate, Duration duration, Receivers receivers) {
    OpenLoop loop = new OpenLoop(rate, duration);
    long total = loop.total();
    Run run = new Run(receivers);
    for (long i = 0; i < total; i++) {
      long due = loop.awaitDue(i);
      String code = prefix + "-" + i;
      String body = "{\"patientId\":\"P-BENCH\",\"jobRole\":\"RIS\",\"orderCode\":\"" + code + "\"}";
      run.command(code, "ocs.order.created", due, post(orders, body, doctor), 201, created -> {
        Matcher id = ID.matcher(created);
        if (lifecycle && id.find()) {
          steps(run, code, orders + "/" + id.group(1) + "/", 0);
        }
      });
    }
    run.answers.arriveAndAwaitAdvance();
    double seconds = loop.elapsed() / 1e9;
    return new Sent(run.accepted.get(), run.rejected.get(), run.accepted.get() / seconds,
        run.answerTimes.getIntervalHistogram());
  }

  private void steps(Run run, String code, String order, int step) {
    if (step == LIFECYCLE.size()) {
      return;
    }
    String[] action = LIFECYCLE.get(step);
    run.command(code, "ocs.order." + past(action[0]), System.nanoTime(), post(order + action[0], action[1], worker),
        200, answer -> steps(run, code, order, step + 1));
  }

  private static String past(String action) {
    return switch (action) {
      case "accept" -> "accepted";
      case "start" -> "started";
      default -> "completed";
    };
  }

  private static HttpRequest post(String uri, String body, String bearer) {
    return HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30))
        .header("Authorization", bearer).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  /** The counters of one run, shared by every command it sends. */
  private final class Run {
    final Receivers receivers;
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final Recorder answerTimes = new Recorder(3);
    final Phaser answers = new Phaser(1);

    Run(Receivers receivers) {
      this.receivers = receivers;
    }

    /**
     * Sends one command timed from {@code due}; on success hands the answer's body to {@code next}, which may send
     * the following command (before this one is counted as answered, so the run cannot end in between).
     */
    void command(String code, String eventType, long due, HttpRequest request, int success, Consumer<String> next) {
      receivers.expect(code, eventType, due);
      answers.register();
      http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
        try {
          if (error == null && response.statusCode() == success) {
            answerTimes.recordValue(Math.max(0, (System.nanoTime() - due) / 1000));
            accepted.incrementAndGet();
            next.accept(response.body());
          } else {
            rejected.incrementAndGet();
          }
        } finally {
          answers.arriveAndDeregister();
        }
      });
    }
  }

  /**
   * What the gateway answered: commands answered with success, everything else, successful commands per second, and
   * for each the time from its due moment to the answer (the command's share of the end-to-end latency).
   */
  record Sent(long accepted, long rejected, double achievedRate, Histogram answerMicros) {}
}

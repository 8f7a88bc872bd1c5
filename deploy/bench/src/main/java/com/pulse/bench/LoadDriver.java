package com.pulse.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Phaser;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * POSTs orders through the gateway on a fixed schedule (open loop: a slow answer never delays the next request,
 * so slowness shows up as latency instead of hiding as a lower rate).
 */
final class LoadDriver {

  // HTTP/1.1 outright: the default (HTTP/2) first offers an h2c upgrade on every new connection, for nothing
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final URI orders;
  private final String bearer;

  LoadDriver(String gatewayUrl, String token) {
    this.orders = URI.create(gatewayUrl + "/api/ocs/orders");
    this.bearer = "Bearer " + token;
  }

  /** Sends {@code rate × duration} orders with codes {@code <prefix>-<n>}; waits for every answer. */
  Sent run(String prefix, int rate, Duration duration, Receivers receivers) {
    long interval = 1_000_000_000L / rate;
    long total = rate * duration.toSeconds();
    AtomicLong accepted = new AtomicLong();
    AtomicLong rejected = new AtomicLong();
    Recorder answerTimes = new Recorder(3);
    Phaser answers = new Phaser(1);
    long start = System.nanoTime() + 20_000_000;
    for (long i = 0; i < total; i++) {
      long due = start + i * interval;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      String code = prefix + "-" + i;
      receivers.expect(code, due);
      answers.register();
      http.sendAsync(request(code), HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
        if (error == null && response.statusCode() == 201) {
          answerTimes.recordValue(Math.max(0, (System.nanoTime() - due) / 1000));
          accepted.incrementAndGet();
        } else {
          rejected.incrementAndGet();
        }
        answers.arriveAndDeregister();
      });
    }
    answers.arriveAndAwaitAdvance();
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Sent(accepted.get(), rejected.get(), accepted.get() / seconds, answerTimes.getIntervalHistogram());
  }

  private HttpRequest request(String code) {
    String body = "{\"patientId\":\"P-BENCH\",\"jobRole\":\"RIS\",\"orderCode\":\"" + code + "\"}";
    return HttpRequest.newBuilder(orders).timeout(Duration.ofSeconds(30))
        .header("Authorization", bearer).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  /**
   * What the gateway answered: 201s, everything else, the 201s per second, and for each 201 the time from its due
   * moment to the answer (the command's share of the end-to-end latency).
   */
  record Sent(long accepted, long rejected, double achievedRate, Histogram answerMicros) {}
}

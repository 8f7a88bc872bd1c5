package com.pulse.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pulse.manifests.MonitoredMetrics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * No panel silently empty: every metric the dashboards and alert rules read (deploy/monitoring) is in the running
 * stack's own scrapes, after the demo orders went the whole way (gateway, ocs-service, outbox, Kafka,
 * notification-service).
 */
@ExtendWith(RunningStack.class)
class LiveMetricsTests {

  /**
   * Counters registered on the first occurrence of their tag value (a topic, a disconnect reason, a recovery
   * outcome...), which a calm stack may not have seen yet; deploy/manifests' MonitoringTests finds them in the code.
   */
  private static final Set<String> REGISTERED_ON_FIRST_USE = Set.of("pulse_notification_events_received_total",
      "pulse_notification_disconnects_total",
      "pulse_notification_recoveries_total", "pulse_notification_connections_rejected_total",
      "pulse_notification_events_invalid_total", "pulse_notification_dead_letters_total");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** The demo orders' events reach notification-service asynchronously: its meters appear once they arrive. */
  @Test
  void everyMetricTheDashboardsAndRulesReadIsScrapedFromTheRunningStack() {
    await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
      Set<String> scraped = new TreeSet<>();
      for (ServiceProcess service : RunningStack.stack().services()) {
        scraped.addAll(seriesNames(scrape(service)));
      }
      Map<String, Set<String>> missing = new TreeMap<>(MonitoredMetrics.exportedByServices());
      missing.keySet().removeAll(scraped);
      missing.keySet().removeAll(REGISTERED_ON_FIRST_USE);

      assertThat(missing).as("read by a dashboard or rule, scraped from no running service").isEmpty();
    });
  }

  private static String scrape(ServiceProcess service) throws IOException, InterruptedException {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + service.port() + "/actuator/prometheus")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("%s /actuator/prometheus", service.name()).isEqualTo(200);
    return response.body();
  }

  /** The series names of a Prometheus text exposition: each sample line up to its labels or value. */
  private static Set<String> seriesNames(String exposition) {
    Set<String> names = new TreeSet<>();
    exposition.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
        .forEach(line -> names.add(line.split("[{ ]", 2)[0]));
    return names;
  }
}

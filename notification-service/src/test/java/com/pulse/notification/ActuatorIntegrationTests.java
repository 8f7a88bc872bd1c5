package com.pulse.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.testsupport.PulseIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Probes and the scrape are open; readiness includes the Kafka intake. */
@PulseIntegrationTest
class ActuatorIntegrationTests {

  @LocalServerPort int port;

  @Test
  void healthAndReadinessAreUpWithoutAToken() throws Exception {
    assertThat(get("/actuator/health").body()).contains("\"status\":\"UP\"");
    HttpResponse<String> readiness = get("/actuator/health/readiness");
    assertThat(readiness.statusCode()).isEqualTo(200);
    assertThat(readiness.body()).contains("\"status\":\"UP\"");
  }

  @Test
  void prometheusShowsTheDeliveryMetricsWithoutAToken() throws Exception {
    try (SocketClient ignored = SocketClient.connected(port, com.pulse.testsupport.TestUser.ADMIN.token())) {
      HttpResponse<String> scrape = get("/actuator/prometheus");

      assertThat(scrape.statusCode()).isEqualTo(200);
      assertThat(scrape.body()).contains("pulse_notification_connections{")
          .contains("pulse_notification_frames_delivered_total")
          .contains("pulse_notification_delivery_lag_seconds_bucket")
          .contains("pulse_notification_frames_dropped_total");
    }
  }

  private HttpResponse<String> get(String path) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }
}

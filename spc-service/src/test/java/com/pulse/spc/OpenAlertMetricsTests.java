package com.pulse.spc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestUser;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The unacknowledged-alert gauges the "SPC alerts unacknowledged" rule reads follow the database: an alert raised
 * counts until it is acknowledged, and the oldest one's age is measured from when it was raised.
 */
@PulseIntegrationTest
class OpenAlertMetricsTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired MeterRegistry registry;

  @Test
  void anAlertCountsAsOpenUntilItIsAcknowledged() throws Exception {
    SpcClient api = new SpcClient(port, jdbc);
    long product = api.product(1);
    double before = open(5);

    HttpResponse<String> raised = api.post("/api/spc/alerts", "{\"productId\":" + product
        + ",\"priority\":5,\"title\":\"Coolant leak at station 3\"}", TestUser.QA_JUNG);
    assertThat(raised.statusCode()).as(raised.body()).isEqualTo(201);
    long alert = SpcClient.json(raised).path("id").asLong();
    assertThat(open(5)).isEqualTo(before + 1);

    HttpResponse<String> acknowledged = api.post("/api/spc/alerts/" + alert + "/acknowledge", null,
        TestUser.OP_HAN);
    assertThat(acknowledged.statusCode()).as(acknowledged.body()).isEqualTo(200);
    assertThat(open(5)).isEqualTo(before);
  }

  @Test
  void theOldestOpenAlertsAgeIsCountedFromWhenItWasRaised() throws Exception {
    SpcClient api = new SpcClient(port, jdbc);
    long product = api.product(1);
    Instant twoHoursAgo = Instant.now().minus(Duration.ofHours(2));
    long alert = jdbc.sql("""
        insert into spc_alert (product_id, alert_type, manual, priority, title, message, status, created_at,
            created_by, last_seen_at)
        values (?, 'MANUAL', true, 2, 'Gauge R&R overdue', '', 'OPEN', ?, 'qa.jung', ?) returning id""")
        .params(product, Timestamp.from(twoHoursAgo), Timestamp.from(twoHoursAgo)).query(Long.class).single();

    assertThat(oldestAge(2)).isCloseTo(Duration.ofHours(2).toSeconds(), within(120.0));

    jdbc.sql("update spc_alert set status = 'RESOLVED', resolved_at = now(), resolved_by = 'qa.jung' where id = ?")
        .param(alert).update();
    assertThat(oldestAge(2)).isLessThan(Duration.ofHours(1).toSeconds());
  }

  private double open(int priority) {
    return registry.get("pulse.spc.alerts.open").tag("priority", String.valueOf(priority)).gauge().value();
  }

  private double oldestAge(int priority) {
    return registry.get("pulse.spc.alerts.oldest.open.age").tag("priority", String.valueOf(priority)).gauge()
        .value();
  }
}

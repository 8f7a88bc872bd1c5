package com.pulse.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.testsupport.PulseIntegrationTest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Expired entries go, with their read markers; younger ones stay. */
@PulseIntegrationTest
class InboxRetentionIntegrationTests {

  @Autowired InboxRetention retention;
  @Autowired InboxProperties settings;
  @Autowired JdbcClient jdbc;

  @Test
  void deletesEntriesOlderThanTheRetentionAndTheirReadMarkers() {
    Instant now = Instant.now();
    String expired = entry(now.minus(settings.retention()).minusSeconds(1));
    String kept = entry(now.minus(settings.retention()).plusSeconds(60));
    jdbc.sql("insert into notification_read (user_id, notification_seq)"
            + " select 'dr.retention', seq from notification where event_id = :id")
        .param("id", expired).update();

    assertThat(retention.purge(now)).isGreaterThanOrEqualTo(1);

    assertThat(count("select count(*) from notification where event_id = '" + expired + "'")).isZero();
    assertThat(count("select count(*) from notification_read where user_id = 'dr.retention'")).isZero();
    assertThat(count("select count(*) from notification where event_id = '" + kept + "'")).isOne();
    jdbc.sql("delete from notification where event_id = :id").param("id", kept).update();
  }

  private String entry(Instant occurredAt) {
    String id = UUID.randomUUID().toString();
    jdbc.sql("""
            insert into notification (event_id, type, subject, channels, priority, title, summary, occurred_at,
              position, event)
            values (:id, 'ocs.order.created', 's', '{ocs:all}', 2, 't', 's', :at, 'ocs.orders.v1:0:0', '{}')""")
        .param("id", id).param("at", OffsetDateTime.ofInstant(occurredAt, ZoneOffset.UTC)).update();
    return id;
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }
}

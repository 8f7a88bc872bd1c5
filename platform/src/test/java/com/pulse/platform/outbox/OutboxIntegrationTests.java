package com.pulse.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.pulse.events.Announcement;
import com.pulse.events.EventHeaders;
import com.pulse.events.EventSchemas;
import com.pulse.events.EventType;
import com.pulse.events.PulseEvents;
import com.pulse.events.Topics;
import com.pulse.platform.PlatformTestApplication.Widgets;
import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestInfrastructure;
import com.pulse.testsupport.TopicReader;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@PulseIntegrationTest
class OutboxIntegrationTests {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @Autowired Widgets widgets;
  @Autowired Outbox outbox;
  @Autowired OutboxRelay relay;
  @Autowired OutboxJanitor janitor;
  @Autowired JdbcClient jdbc;
  @Autowired MeterRegistry meters;
  @Autowired TransactionTemplate transactions;

  private TopicReader reader;

  @BeforeEach
  void openReader() {
    reader = TopicReader.atEnd(TestInfrastructure.shared().orElseThrow().kafkaBootstrapServers(), Topics.OCS_ORDERS);
  }

  @AfterEach
  void closeReader() {
    reader.close();
  }

  @Test
  void publishesACommittedEventKeyedByAggregateWithItsIdAsHeader() {
    UUID id = widgets.create("CT-HEAD", "dr.kim", false);

    ConsumerRecord<String, byte[]> record = reader.await(1, r -> r.key().equals(id.toString()), WAIT).getFirst();
    CloudEvent event = PulseEvents.deserialize(record.value());

    assertThat(event.getType()).isEqualTo("ocs.order.created");
    assertThat(event.getSubject()).isEqualTo(id.toString());
    assertThat(event.getSource().toString()).isEqualTo("/pulse/platform-test");
    assertThat(header(record, EventHeaders.ID)).isEqualTo(event.getId());
    assertThat(header(record, EventHeaders.TYPE)).isEqualTo("ocs.order.created");
    assertThat(header(record, EventHeaders.TRACEPARENT)).isEqualTo(event.getExtension("traceparent"));
    assertThat(new EventSchemas().violations(record.value())).isEmpty();
    await().atMost(WAIT).until(() -> jdbc.sql("select published_at is not null from pulse_outbox where event_id = ?")
        .param(UUID.fromString(event.getId())).query(Boolean.class).single());
  }

  @Test
  void outsideConsumersReadTheRecordsWithTheCloudEventsKafkaBinding() {
    UUID id = widgets.create("MRI-KNEE", "dr.lee", false);
    ConsumerRecord<String, byte[]> record = reader.await(1, r -> r.key().equals(id.toString()), WAIT).getFirst();

    try (CloudEventDeserializer sdk = new CloudEventDeserializer()) {
      CloudEvent event = sdk.deserialize(record.topic(), record.headers(), record.value());

      assertThat(event.getSubject()).isEqualTo(id.toString());
      assertThat(new String(event.getData().toBytes(), StandardCharsets.UTF_8)).contains("\"orderCode\":\"MRI-KNEE\"");
    }
  }

  @Test
  void aRolledBackTransactionPublishesNothing() {
    assertThatThrownBy(() -> widgets.create("ROLLED-BACK", "dr.kim", true)).isInstanceOf(IllegalStateException.class);
    // A later commit, published after anything written before it: once it is here, the rolled-back one never will be.
    UUID marker = widgets.create("MARKER", "dr.kim", false);

    List<ConsumerRecord<String, byte[]>> seen = reader.await(1, r -> r.key().equals(marker.toString()), WAIT);

    assertThat(seen).hasSize(1);
    assertThat(reader.await(Integer.MAX_VALUE, r -> true, Duration.ZERO))
        .noneSatisfy(r -> assertThat(new String(r.value(), StandardCharsets.UTF_8)).contains("ROLLED-BACK"));
    assertThat(jdbc.sql("select count(*) from widget where name = 'ROLLED-BACK'").query(Long.class).single())
        .isZero();
    assertThat(jdbc.sql("select count(*) from pulse_outbox where convert_from(payload, 'UTF8') like '%ROLLED-BACK%'")
        .query(Long.class).single()).isZero();
  }

  @Test
  void appendsManyEventsInOneStatementInTheListsOrder() {
    UUID first = UUID.randomUUID();
    UUID second = UUID.randomUUID();
    List<UUID> order = List.of(first, second, first, first, second);
    List<UUID> eventIds = transactions.execute(status -> {
      long[] versions = new long[2];
      List<Outbox.Prepared> events = order.stream().map(aggregate -> outbox.prepare(EventType.OCS_ORDER_CREATED,
          aggregate.toString(), ++versions[aggregate.equals(first) ? 0 : 1], Widgets.order(aggregate, "MANY", "dr.kim"),
          Widgets.ALL)).toList();
      outbox.appendAll(events);
      return events.stream().map(Outbox.Prepared::id).toList();
    });

    assertThat(jdbc.sql("select event_id from pulse_outbox where message_key in (?, ?) order by id")
        .params(first.toString(), second.toString()).query(UUID.class).list()).containsExactlyElementsOf(eventIds);
    List<ConsumerRecord<String, byte[]>> records = reader.await(order.size(),
        r -> r.key().equals(first.toString()) || r.key().equals(second.toString()), WAIT);
    assertThat(records).extracting(r -> PulseEvents.deserialize(r.value()).getSubject() + "/"
        + PulseEvents.sequenceOf(PulseEvents.deserialize(r.value())))
        .containsExactlyInAnyOrder(first + "/1", second + "/1", first + "/2", first + "/3", second + "/2");
    for (UUID aggregate : List.of(first, second)) {
      assertThat(records.stream().filter(r -> r.key().equals(aggregate.toString()))
          .map(r -> PulseEvents.sequenceOf(PulseEvents.deserialize(r.value()))).toList())
          .as("%s in consumption order", aggregate).isSorted();
    }
  }

  @Test
  void refusesToAppendManyOutsideATransaction() {
    assertThatThrownBy(() -> outbox.prepare(EventType.OCS_ORDER_CREATED, "x", 1, Map.of(), Widgets.ALL))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("needs the transaction");
    assertThatThrownBy(() -> outbox.appendAll(List.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("needs the transaction");
  }

  @Test
  void refusesToAppendOutsideATransaction() {
    assertThatThrownBy(() -> outbox.append(EventType.OCS_ORDER_CREATED, "x", 1, Map.of(),
        Widgets.ALL))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("needs the transaction");
  }

  @Test
  void refusesAChannelTheCatalogDoesNotDeclareAndRollsBackTheTransaction() {
    long before = jdbc.sql("select count(*) from pulse_outbox").query(Long.class).single();

    assertThatThrownBy(() -> widgets.createAnnounced(Widgets.order(UUID.randomUUID(), "X",
        "dr.kim"), Announcement.to("ocs:all", "ocs:job:XRAY")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ocs:job:XRAY, which the channel catalog does not declare");
    assertThat(jdbc.sql("select count(*) from pulse_outbox").query(Long.class).single()).isEqualTo(before);
  }

  @Test
  void refusesAnEventThatBreaksItsSchemaAndRollsBackTheTransaction() {
    long before = jdbc.sql("select count(*) from pulse_outbox").query(Long.class).single();

    assertThatThrownBy(() -> widgets.createWithPayload(Map.of("orderId", "not-a-uuid")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("breaks its schema");
    assertThat(jdbc.sql("select count(*) from pulse_outbox").query(Long.class).single()).isEqualTo(before);
  }

  @Test
  void keepsEachAggregatesOrderUnderConcurrentWriters() throws Exception {
    List<UUID> aggregates = IntStream.range(0, 5).mapToObj(i -> widgets.create("ORDERED-" + i, "dr.kim", false))
        .toList();
    int touches = 30;
    try (ExecutorService writers = Executors.newFixedThreadPool(10)) {
      List<Future<Long>> results = new ArrayList<>();
      // two writers per aggregate race for its row lock; the lock decides the order of their events
      for (UUID aggregate : aggregates) {
        for (int w = 0; w < 2; w++) {
          for (int i = 0; i < touches / 2; i++) {
            results.add(writers.submit(() -> widgets.touch(aggregate, "ORDERED")));
          }
        }
      }
      for (Future<Long> result : results) {
        result.get();
      }
    }

    List<String> keys = aggregates.stream().map(UUID::toString).toList();
    List<ConsumerRecord<String, byte[]>> records =
        reader.await(aggregates.size() * (touches + 1), r -> keys.contains(r.key()), WAIT);

    assertThat(records).hasSize(aggregates.size() * (touches + 1));
    for (String key : keys) {
      List<Long> sequences = records.stream().filter(r -> r.key().equals(key))
          .map(r -> PulseEvents.sequenceOf(PulseEvents.deserialize(r.value()))).toList();
      assertThat(sequences).as("sequences of %s in consumption order", key)
          .containsExactlyElementsOf(IntStream.rangeClosed(1, touches + 1).mapToObj(Long::valueOf).toList());
    }
  }

  @Test
  void deletesPublishedRowsAfterTheRetentionPeriodAndKeepsTheRest() {
    UUID old = widgets.create("OLD", "dr.kim", false);
    UUID fresh = widgets.create("FRESH", "dr.kim", false);
    reader.await(2, r -> r.key().equals(old.toString()) || r.key().equals(fresh.toString()), WAIT);
    await().atMost(WAIT).until(() -> jdbc.sql(
        "select count(*) from pulse_outbox where message_key in (?, ?) and published_at is not null")
        .params(old.toString(), fresh.toString()).query(Long.class).single() == 2);
    jdbc.sql("update pulse_outbox set published_at = now() - interval '25 hours' where message_key = ?")
        .param(old.toString()).update();

    assertThat(janitor.cleanUp()).isGreaterThanOrEqualTo(1);
    assertThat(jdbc.sql("select message_key from pulse_outbox where message_key in (?, ?)")
        .params(old.toString(), fresh.toString()).query(String.class).list()).containsExactly(fresh.toString());
  }

  @Test
  void theScheduledCleanupRunsOnOneInstanceAtATime() {
    UUID old = widgets.create("LOCKED-OLD", "dr.kim", false);
    reader.await(1, r -> r.key().equals(old.toString()), WAIT);
    await().atMost(WAIT).until(() -> jdbc.sql(
        "select count(*) from pulse_outbox where message_key = ? and published_at is not null")
        .param(old.toString()).query(Long.class).single() == 1);
    jdbc.sql("update pulse_outbox set published_at = now() - interval '25 hours' where message_key = ?")
        .param(old.toString()).update();
    // another instance holds the janitor's lock
    jdbc.sql("insert into shedlock (name, lock_until, locked_at, locked_by)"
            + " values ('pulse-outbox-janitor', now() + interval '5 minutes', now(), 'another-instance')"
            + " on conflict (name) do update set lock_until = excluded.lock_until, locked_by = excluded.locked_by")
        .update();
    try {
      janitor.cleanUpQuietly();
      assertThat(rows(old)).as("skipped while the other instance holds the lock").isEqualTo(1);
    } finally {
      // released as ShedLock releases: the row stays, its lock_until passes
      jdbc.sql("update shedlock set lock_until = now() - interval '1 second' where name = 'pulse-outbox-janitor'")
          .update();
    }

    janitor.cleanUpQuietly();
    assertThat(rows(old)).as("run once the lock is free").isZero();
  }

  private long rows(UUID aggregate) {
    return jdbc.sql("select count(*) from pulse_outbox where message_key = ?").param(aggregate.toString())
        .query(Long.class).single();
  }

  @Test
  void reportsItsWorkAsMetrics() {
    double publishedBefore = meters.get("pulse.outbox.published").counter().count();
    UUID id = widgets.create("METERED", "dr.kim", false);
    reader.await(1, r -> r.key().equals(id.toString()), WAIT);

    await().atMost(WAIT).untilAsserted(() -> {
      assertThat(meters.get("pulse.outbox.published").counter().count()).isGreaterThan(publishedBefore);
      assertThat(meters.get("pulse.outbox.publish.latency").timer().count()).isPositive();
      assertThat(meters.get("pulse.outbox.relay.leader").gauge().value()).isEqualTo(1.0);
    });
    await().atMost(WAIT).untilAsserted(() ->
        assertThat(meters.get("pulse.outbox.pending").gauge().value()).isZero());
    assertThat(relay.isLeader()).isTrue();
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

}

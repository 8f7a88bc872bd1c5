package com.pulse.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pulse.events.Topics;
import com.pulse.notification.inbox.OrderPublisher.Published;
import com.pulse.notification.stream.EventBatchListener;
import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestInfrastructure;
import com.pulse.testsupport.TestUser;
import com.pulse.testsupport.TopicReader;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The inbox writer on the real broker and database: one row per event however often it arrives, offsets committed
 * only after the rows are, and a stopped, restarted or rewound consumer loses nothing and duplicates nothing.
 */
@PulseIntegrationTest
class InboxWriterIntegrationTests {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static OrderPublisher kafka;
  private static Admin admin;

  @Autowired JdbcClient jdbc;
  @Autowired KafkaListenerEndpointRegistry listeners;
  @Autowired MeterRegistry meters;

  @BeforeAll
  static void clients() {
    kafka = new OrderPublisher();
    admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        TestInfrastructure.shared().orElseThrow().kafkaBootstrapServers()));
  }

  @AfterAll
  static void closeClients() {
    kafka.close();
    admin.close();
  }

  @AfterEach
  void listenerRuns() {
    if (!container().isRunning()) {
      container().start();
    }
  }

  @Test
  void theSameEventTwiceIsOneRow() throws Exception {
    Published first = kafka.publish(InboxClient.freshDoctor().id(), "RIS", "ROUTINE");
    Published again = kafka.resend(first);
    kafka.resend(first);

    awaitCommittedPast(List.of(first, again));
    assertThat(rows(first.eventId())).isEqualTo(1);
    assertThat(jdbc.sql("select position from notification where event_id = :id").param("id", first.eventId())
        .query(String.class).single()).as("the first delivery's row, untouched").isEqualTo(first.position());
  }

  @Test
  void eventsArrivingOneByOneAreWrittenInBatchesNotOneTransactionEach() throws Exception {
    DistributionSummary batches = meters.get("pulse.notification.inbox.batch").summary();
    long batchesBefore = batches.count();
    double eventsBefore = batches.totalAmount();
    List<Published> spaced = new ArrayList<>();
    // 20 events 20 ms apart: a consumer that answers at the first byte polls, writes and commits about 20 times.
    // The fixed spacing is what is under test (events trickling in), not a wait for something to happen.
    for (int i = 0; i < 20; i++) {
      spaced.add(kafka.publish(InboxClient.freshDoctor().id(), "RIS", "ROUTINE"));
      Thread.sleep(20);
    }

    awaitCommittedPast(spaced);
    for (Published event : spaced) {
      assertThat(rows(event.eventId())).isEqualTo(1);
    }
    long batchCount = batches.count() - batchesBefore;
    assertThat(batches.totalAmount() - eventsBefore).as("every event went through a batch")
        .isGreaterThanOrEqualTo(spaced.size());
    assertThat(batchCount).as("batches for 20 events spread over 400 ms (the fetch waits up to 100 ms to fill)")
        .isLessThanOrEqualTo(10);
  }

  @Test
  void eventsPublishedWhileTheListenerIsStoppedAreWrittenOnceAfterItRestarts() throws Exception {
    container().stop();
    assertThat(container().isRunning()).isFalse();
    List<Published> whileDown = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      whileDown.add(kafka.publish(InboxClient.freshDoctor().id(), i % 2 == 0 ? "RIS" : "LIS", "URGENT"));
    }
    for (Published event : whileDown) {
      assertThat(rows(event.eventId())).as("nothing writes while the group has no member").isZero();
    }

    container().start();

    awaitCommittedPast(whileDown);
    for (Published event : whileDown) {
      assertThat(rows(event.eventId())).isEqualTo(1);
    }
  }

  @Test
  void aRewoundGroupRedeliversEverythingAndChangesNothing() throws Exception {
    TestUser doctor = InboxClient.freshDoctor();
    List<Published> events = List.of(kafka.publish(doctor.id(), "RIS", "ROUTINE"),
        kafka.publish(doctor.id(), "LIS", "STAT"));
    awaitCommittedPast(events);
    jdbc.sql("insert into notification_read (user_id, notification_seq)"
            + " select :user, seq from notification where event_id = :id")
        .param("user", doctor.id()).param("id", events.getFirst().eventId()).update();
    List<Map<String, Object>> before = snapshot(events);

    container().stop();
    Map<TopicPartition, OffsetAndMetadata> start = partitions().stream()
        .collect(Collectors.toMap(p -> p, p -> new OffsetAndMetadata(0)));
    // allowed once the stopped member has left the group
    await().atMost(WAIT).ignoreExceptions()
        .until(() -> admin.alterConsumerGroupOffsets(EventBatchListener.GROUP, start).all().get() == null);
    double duplicatesBefore = meters.get("pulse.notification.inbox.duplicates").counter().count();
    container().start();

    awaitCommittedPast(events);
    assertThat(meters.get("pulse.notification.inbox.duplicates").counter().count() - duplicatesBefore)
        .as("the replay reached our events and found them there").isGreaterThanOrEqualTo(events.size());
    assertThat(snapshot(events)).isEqualTo(before);
  }

  @Test
  void offsetsAreCommittedOnlyAfterTheRowsAre() throws Exception {
    double failuresBefore = meters.get("pulse.notification.inbox.write.failures").counter().count();
    Published event;
    // the writer's table is gone for a while: every attempt to write fails
    jdbc.sql("alter table notification rename to notification_away").update();
    try {
      event = kafka.publish(InboxClient.freshDoctor().id(), "RIS", "STAT");
      await().atMost(WAIT).until(() ->
          meters.get("pulse.notification.inbox.write.failures").counter().count() > failuresBefore + 1);
      TopicPartition partition = new TopicPartition(event.metadata().topic(), event.metadata().partition());
      OffsetAndMetadata committed = committed().get(partition);
      assertThat(committed == null ? 0 : committed.offset())
          .as("the failed batch's offset is not committed").isLessThanOrEqualTo(event.metadata().offset());
    } finally {
      jdbc.sql("alter table notification_away rename to notification").update();
    }
    awaitCommittedPast(List.of(event));
    assertThat(rows(event.eventId())).as("written by the retry").isEqualTo(1);
  }

  @Test
  void anEventTheDatabaseRefusesIsSetAsideOnTheDeadLetterTopicAndTheEventsBehindItAreWritten() throws Exception {
    String topic = Topics.OCS_ORDERS;
    double deadBefore = deadLetters(topic);
    TestUser doctor = InboxClient.freshDoctor();
    Published template = kafka.publish(doctor.id(), "RIS", "ROUTINE");
    // PostgreSQL stores no NUL character in text: this event's title can never be written
    String poisonId = UUID.randomUUID().toString();
    String poisoned = new String(template.value(), StandardCharsets.UTF_8).replace(template.eventId(), poisonId)
        .replace("\"title\":\"", "\"title\":\"\\u0000");
    Published poison = kafka.sendRaw(poisonId, template.orderId(), poisoned.getBytes(StandardCharsets.UTF_8));
    Published notJson = kafka.sendRaw("not-json", template.orderId(),
        "{not a cloud event".getBytes(StandardCharsets.UTF_8));
    Published after = kafka.publish(doctor.id(), "RIS", "STAT");

    try (TopicReader deadLetters = TopicReader.fromStart(
        TestInfrastructure.shared().orElseThrow().kafkaBootstrapServers(), topic + ".dlt")) {
      awaitCommittedPast(List.of(template, poison, notJson, after));
      assertThat(rows(template.eventId())).isEqualTo(1);
      assertThat(rows(after.eventId())).as("not held up by the events before it").isEqualTo(1);
      assertThat(rows(poisonId)).isZero();

      List<ConsumerRecord<String, byte[]>> set = deadLetters.await(2, record -> {
        String value = new String(record.value(), StandardCharsets.UTF_8);
        return value.contains(poisonId) || value.startsWith("{not a cloud event");
      }, WAIT);
      assertThat(set).allSatisfy(record -> {
        assertThat(record.headers().lastHeader("kafka_dlt-original-topic").value()).asString(StandardCharsets.UTF_8)
            .isEqualTo(topic);
        assertThat(record.headers().lastHeader("kafka_dlt-exception-message")).isNotNull();
      });
      assertThat(set).anySatisfy(record -> assertThat(record.value()).isEqualTo(poison.value()));
    }
    assertThat(deadLetters(topic) - deadBefore).isEqualTo(2);
  }

  private double deadLetters(String topic) {
    var counter = meters.find("pulse.notification.dead.letters").tag("topic", topic).counter();
    return counter == null ? 0 : counter.count();
  }

  private MessageListenerContainer container() {
    return listeners.getListenerContainer(EventBatchListener.LISTENER_ID);
  }

  private long rows(String eventId) {
    return jdbc.sql("select count(*) from notification where event_id = :id").param("id", eventId)
        .query(Long.class).single();
  }

  private List<Map<String, Object>> snapshot(List<Published> events) {
    return jdbc.sql("""
            select n.seq, n.event_id, n.title, n.channels::text, n.priority, n.received_at,
                   (select count(*) from notification_read r where r.notification_seq = n.seq) as reads
            from notification n where n.event_id in (:ids) order by n.seq""")
        .param("ids", events.stream().map(Published::eventId).toList())
        .query().listOfRows();
  }

  /** Waits until the group committed an offset past every one of these records: only done after their rows are. */
  private void awaitCommittedPast(List<Published> events) {
    await().atMost(WAIT).until(() -> {
      Map<TopicPartition, OffsetAndMetadata> committed = committed();
      return events.stream().allMatch(event -> {
        OffsetAndMetadata offset = committed.get(
            new TopicPartition(event.metadata().topic(), event.metadata().partition()));
        return offset != null && offset.offset() > event.metadata().offset();
      });
    });
  }

  private static Map<TopicPartition, OffsetAndMetadata> committed() throws Exception {
    return admin.listConsumerGroupOffsets(EventBatchListener.GROUP).partitionsToOffsetAndMetadata().get();
  }

  private static List<TopicPartition> partitions() throws Exception {
    return admin.describeTopics(List.of(Topics.OCS_ORDERS)).allTopicNames().get().get(Topics.OCS_ORDERS)
        .partitions().stream().map(info -> new TopicPartition(Topics.OCS_ORDERS, info.partition())).toList();
  }
}

package com.pulse.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pulse.events.EventType;
import com.pulse.events.PulseEvents;
import com.pulse.platform.PlatformTestApplication;
import com.pulse.servers.KafkaServer;
import com.pulse.testsupport.PulseInfrastructureExtension;
import com.pulse.testsupport.TestInfrastructure;
import com.pulse.testsupport.TopicReader;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The relay's guarantees under failure, with relays built by hand on their own database: Kafka stopped and started
 * again loses nothing and keeps each aggregate's order; two relays at once neither duplicate nor reorder, and the
 * standby takes over when the leader stops.
 */
@ExtendWith(PulseInfrastructureExtension.class)
class OutboxRelayResilienceTests {

  private static final String TOPIC = EventType.OCS_ORDER_CREATED.topic();
  private static final Duration WAIT = Duration.ofSeconds(60);

  private static HikariDataSource dataSource;
  private static Outbox outbox;
  private static TransactionTemplate tx;
  private static JdbcClient jdbc;

  @BeforeAll
  static void database() {
    TestInfrastructure infrastructure = TestInfrastructure.shared().orElseThrow();
    dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(infrastructure.database("outbox_relays"));
    dataSource.setUsername(infrastructure.databaseUser());
    dataSource.setPassword(infrastructure.databasePassword());
    dataSource.setMaximumPoolSize(8);
    OutboxSchema.migrate(dataSource);
    jdbc = JdbcClient.create(dataSource);
    outbox = new Outbox(new OutboxStore(jdbc), JsonMapper.builder().build(), URI.create("/pulse/relay-test"),
        () -> null, null);
    tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
  }

  @AfterAll
  static void closeDatabase() {
    dataSource.close();
  }

  @BeforeEach
  void emptyOutbox() {
    jdbc.sql("delete from pulse_outbox").update();
  }

  @Test
  void kafkaDownThenUpDeliversEveryEventInOrderPerAggregate(@TempDir Path kafkaData) {
    try (KafkaServer kafka = KafkaServer.create(kafkaData, 0, 0, 3, "384m")) {
      SimpleMeterRegistry meters = new SimpleMeterRegistry();
      OutboxRelay relay = relay(kafka.bootstrapServers(), meters);
      relay.start();
      try {
        // Kafka has never been up: everything waits in the outbox
        List<String> aggregates = aggregates(4);
        append(aggregates, 1, 10);
        await().atMost(WAIT).until(() -> meters.get("pulse.outbox.publish.failures").counter().count() > 0);
        assertThat(pending()).isEqualTo(40);

        kafka.start(WAIT);
        // declared as ocs-service declares it at start-up: the broker creates no topic on first use
        kafka.createTopic(TOPIC, 3);
        append(aggregates, 11, 20);
        await().atMost(WAIT).until(() -> pending() == 0);

        // Kafka goes away mid-stream and comes back on the same data
        kafka.stop();
        append(aggregates, 21, 30);
        kafka.start(WAIT);
        await().atMost(WAIT).until(() -> pending() == 0);

        assertEveryEventOnceInOrder(readAllFromStart(kafka.bootstrapServers(), aggregates, 120), aggregates, 30);
      } finally {
        relay.stop();
      }
    }
  }

  @Test
  void twoRelaysPublishEachEventOnceInOrderAndTheStandbyTakesOver() {
    String bootstrap = TestInfrastructure.shared().orElseThrow().kafkaBootstrapServers();
    OutboxRelay first = relay(bootstrap, new SimpleMeterRegistry());
    OutboxRelay second = relay(bootstrap, new SimpleMeterRegistry());
    List<String> aggregates = aggregates(5);
    try (TopicReader reader = TopicReader.atEnd(bootstrap, TOPIC)) {
      first.start();
      second.start();
      await().atMost(WAIT).until(() -> first.isLeader() || second.isLeader());
      assertThat(first.isLeader() && second.isLeader()).as("both relays lead").isFalse();

      append(aggregates, 1, 20);
      await().atMost(WAIT).until(() -> pending() == 0);

      OutboxRelay leader = first.isLeader() ? first : second;
      OutboxRelay standby = leader == first ? second : first;
      leader.stop();
      append(aggregates, 21, 40);
      await().atMost(WAIT).until(standby::isLeader);
      await().atMost(WAIT).until(() -> pending() == 0);

      List<ConsumerRecord<String, byte[]>> records =
          reader.await(200, r -> aggregates.contains(r.key()), WAIT);
      assertEveryEventOnceInOrder(records, aggregates, 40);
    } finally {
      first.stop();
      second.stop();
    }
  }

  private OutboxRelay relay(String bootstrapServers, SimpleMeterRegistry meters) {
    OutboxProperties properties = new OutboxProperties(true, "/pulse/relay-test", Duration.ofMillis(200), 50,
        Duration.ofHours(1), Duration.ofMinutes(10), Duration.ofMillis(50), Duration.ofMillis(500), false, Map.of(),
        Map.of());
    Map<String, Object> producer = Map.of("bootstrap.servers", bootstrapServers, "max.block.ms", 1000,
        "request.timeout.ms", 1000, "reconnect.backoff.max.ms", 200);
    OutboxMetrics metrics = new OutboxMetrics(meters, new OutboxStore(jdbc));
    TestInfrastructure infrastructure = TestInfrastructure.shared().orElseThrow();
    RelayConnections connections = RelayConnections.of(dataSource.getJdbcUrl(), infrastructure.databaseUser(),
        infrastructure.databasePassword());
    return new OutboxRelay(connections, OutboxPublisher.create(producer, metrics::stalled, PublishTracing.OFF),
        metrics, properties);
  }

  private static List<String> aggregates(int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(UUID.randomUUID().toString());
    }
    return ids;
  }

  /** One transaction per event, interleaving aggregates, sequences {@code from..to}. */
  private static void append(List<String> aggregates, int from, int to) {
    for (int sequence = from; sequence <= to; sequence++) {
      for (String aggregate : aggregates) {
        long version = sequence;
        tx.executeWithoutResult(status -> outbox.append(EventType.OCS_ORDER_CREATED, aggregate, version,
            order(aggregate, version), PlatformTestApplication.Widgets.ALL));
      }
    }
  }

  private static Map<String, Object> order(String id, long version) {
    Map<String, Object> order = new LinkedHashMap<>();
    order.put("orderId", id);
    order.put("version", version);
    order.put("createdAt", Instant.now().toString());
    return order;
  }

  private static long pending() {
    return jdbc.sql("select count(*) from pulse_outbox where published_at is null").query(Long.class).single();
  }

  private static List<ConsumerRecord<String, byte[]>> readAllFromStart(String bootstrap, List<String> aggregates,
      int expected) {
    try (TopicReader reader = TopicReader.fromStart(bootstrap, TOPIC)) {
      return reader.await(expected, r -> aggregates.contains(r.key()), WAIT);
    }
  }

  private static void assertEveryEventOnceInOrder(List<ConsumerRecord<String, byte[]>> records,
      List<String> aggregates, int perAggregate) {
    Map<String, List<Long>> sequences = records.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
        Collectors.mapping(r -> PulseEvents.sequenceOf(PulseEvents.deserialize(r.value())), Collectors.toList())));
    List<Long> expected = java.util.stream.LongStream.rangeClosed(1, perAggregate).boxed().toList();
    for (String aggregate : aggregates) {
      assertThat(sequences.get(aggregate)).as("events of %s in consumption order", aggregate)
          .containsExactlyElementsOf(expected);
    }
    Map<String, Long> ids = records.stream().collect(Collectors.groupingBy(
        r -> PulseEvents.deserialize(r.value()).getId(), Collectors.counting()));
    assertThat(ids.values()).as("each event id once").allMatch(n -> n == 1);
    assertThat(ids).hasSize(aggregates.size() * perAggregate);
  }
}

package com.pulse.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * How the publisher treats a producer in trouble, with a stand-in producer (the broker plays no part here;
 * OutboxRelayResilienceTests restarts a real one).
 *
 * <p>A send the producer keeps retrying forever (as the idempotent producer does with OUT_OF_ORDER_SEQUENCE_NUMBER after
 * a broker lost its producer state) is given up: its rows come back as failed, in order, and the next round runs on
 * a fresh producer. A send that fails inside the producer closes it from the failure callback at once, so the
 * producer cannot renumber what is queued behind it and write a later event ahead of the one that failed.
 */
class OutboxPublisherTests {

  @Test
  void aSendNeverAcknowledgedIsGivenUpAndTheNextRoundUsesAFreshProducer() throws Exception {
    List<MockProducer<String, byte[]>> made = new ArrayList<>();
    AtomicInteger stalls = new AtomicInteger();
    try (OutboxPublisher publisher = new OutboxPublisher(() -> {
      MockProducer<String, byte[]> producer =
          new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
      made.add(producer);
      return producer;
    }, stalls::incrementAndGet, Duration.ofMillis(50), Duration.ofMillis(200))) {
      List<PendingEvent> rows = List.of(row(1), row(2), row(3));

      OutboxPublisher.Outcome stuck = publisher.publish(rows);

      assertThat(stuck.published()).isEmpty();
      assertThat(stuck.failed()).containsExactlyElementsOf(rows);
      assertThat(stalls.get()).isGreaterThanOrEqualTo(4);
      assertThat(made).hasSize(1);
      assertThat(made.getFirst().closed()).isTrue();

      Thread completer = Thread.ofVirtual().start(() -> {
        while (made.size() < 2 || made.get(1).history().size() < 3) {
          Thread.onSpinWait();
        }
        while (made.get(1).completeNext()) {
          Thread.onSpinWait();
        }
      });
      OutboxPublisher.Outcome retried = publisher.publish(rows);
      completer.join(Duration.ofSeconds(10));

      assertThat(made).hasSize(2);
      assertThat(retried.published()).containsExactlyElementsOf(rows);
      assertThat(made.get(1).history()).extracting(record -> record.key()).containsExactly("a-1", "a-2", "a-3");
    }
  }

  @Test
  void aSendFailingInTheProducerClosesItAtOnceAndNothingBehindItCountsAsPublished() throws Exception {
    List<MockProducer<String, byte[]>> made = new ArrayList<>();
    try (OutboxPublisher publisher = new OutboxPublisher(() -> {
      MockProducer<String, byte[]> producer =
          new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
      made.add(producer);
      return producer;
    }, () -> { }, Duration.ofMillis(50), Duration.ofMillis(300))) {
      List<PendingEvent> rows = List.of(row(1), row(2), row(3));
      AtomicBoolean closedByTheFailure = new AtomicBoolean();
      Thread broker = Thread.ofVirtual().start(() -> {
        while (made.isEmpty() || made.getFirst().history().size() < 3) {
          Thread.onSpinWait();
        }
        MockProducer<String, byte[]> producer = made.getFirst();
        producer.errorNext(new InvalidRecordException("refused by the broker"));
        // the callback ran on this thread, as Kafka's run on its I/O thread: the producer must be closed by now
        closedByTheFailure.set(producer.closed());
      });

      OutboxPublisher.Outcome outcome = publisher.publish(rows);
      broker.join(Duration.ofSeconds(10));

      assertThat(closedByTheFailure).isTrue();
      assertThat(outcome.published()).isEmpty();
      assertThat(outcome.failed()).containsExactlyElementsOf(rows);
      assertThat(outcome.firstError()).isInstanceOf(InvalidRecordException.class);
    }
  }

  private static PendingEvent row(long id) {
    return new PendingEvent(id, UUID.randomUUID(), "relay.test.v1", "a-" + id, "test.happened", id,
        "{}".getBytes(StandardCharsets.UTF_8), null, Instant.now());
  }
}

package com.pulse.platform.outbox;

import com.pulse.events.EventHeaders;
import io.micrometer.tracing.Span;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends outbox rows to Kafka and reports which ones Kafka acknowledged, without ever letting a later event of an
 * aggregate overtake an earlier one.
 *
 * <p>Order rests on five things. The idempotent producer keeps the order of what it accepted on each partition,
 * and with an unbounded delivery timeout it retries until Kafka is back instead of expiring a batch (an expired
 * batch would let the next one overtake it). One request in flight per connection makes the producer mute a
 * partition while its batch is out, so a batch refused because the partition had no leader yet (a topic just
 * created) or its leader moved is retried before anything behind it is sent: with five in flight, CI saw the next
 * batch (event 10) written once the leader was ready, ahead of the refused one (events 1–9), which the broker then
 * refused as out of sequence until the producer was given up. A send refused before it entered the producer (no
 * metadata while Kafka is down) ends the round, so nothing after it goes out. A send that fails later, in the producer, closes the
 * producer from its callback at once: otherwise the idempotent producer bumps its epoch, renumbers the batches
 * queued behind the failed one and writes them — a later event of the aggregate ahead of the one that failed. And
 * after any failure the producer is replaced, so a retry starts a fresh, ordered session from the first
 * unacknowledged row.
 */
final class OutboxPublisher implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);

  /** Settings the outbox guarantees rest on; configuration cannot override them. */
  static final Map<String, Object> GUARANTEES = Map.of(
      ProducerConfig.ACKS_CONFIG, "all",
      ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
      ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1,
      ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE,
      ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE);

  /** Latency-minded defaults: send at once; a topic whose metadata cannot be had ends the round quickly. */
  static final Map<String, Object> DEFAULTS = Map.of(
      ProducerConfig.LINGER_MS_CONFIG, 0,
      ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
      ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
      ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2_000,
      ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
      ProducerConfig.CLIENT_ID_CONFIG, "pulse-outbox-relay");

  /** How long a round waits before it logs that Kafka is not acknowledging (it keeps waiting). */
  private static final Duration STALL_REPORT = Duration.ofSeconds(5);
  /**
   * How long a send may stay unacknowledged before the producer is given up. The idempotent producer retries some
   * refusals forever (OUT_OF_ORDER_SEQUENCE_NUMBER after a broker restart lost its producer state): a fresh producer
   * starts a new sequence and resends from the first unacknowledged row, in order.
   */
  static final Duration GIVE_UP = Duration.ofSeconds(30);

  private final Supplier<Producer<String, byte[]>> producers;
  private final Runnable onStall;
  private final Duration stallReport;
  private final Duration giveUp;
  private final PublishTracing tracing;
  private Producer<String, byte[]> producer;

  OutboxPublisher(Supplier<Producer<String, byte[]>> producers, Runnable onStall, PublishTracing tracing) {
    this(producers, onStall, STALL_REPORT, GIVE_UP, tracing);
  }

  OutboxPublisher(Supplier<Producer<String, byte[]>> producers, Runnable onStall, Duration stallReport,
      Duration giveUp) {
    this(producers, onStall, stallReport, giveUp, PublishTracing.OFF);
  }

  private OutboxPublisher(Supplier<Producer<String, byte[]>> producers, Runnable onStall, Duration stallReport,
      Duration giveUp, PublishTracing tracing) {
    this.producers = producers;
    this.onStall = onStall;
    this.stallReport = stallReport;
    this.giveUp = giveUp;
    this.tracing = tracing;
  }

  static OutboxPublisher create(Map<String, Object> configured, Runnable onStall, PublishTracing tracing) {
    Map<String, Object> config = new HashMap<>(DEFAULTS);
    config.putAll(configured);
    config.putAll(GUARANTEES);
    return new OutboxPublisher(() -> new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer()),
        onStall, tracing);
  }

  /**
   * Sends the rows in order and waits until Kafka acknowledged every row it accepted. Rows after the first one it
   * refused are not sent at all; they come back as failed, to be retried in order.
   */
  Outcome publish(List<PendingEvent> rows) throws InterruptedException {
    if (producer == null) {
      producer = producers.get();
    }
    Producer<String, byte[]> session = producer;
    // runs on the producer's I/O thread, before it can renumber and resend what is queued behind a failed batch;
    // a close from a callback abandons every unsent batch at once (their rows come back as failed)
    AtomicBoolean stopped = new AtomicBoolean();
    Callback stopAtFirstFailure = (metadata, failure) -> {
      if (failure != null && stopped.compareAndSet(false, true)) {
        session.close(Duration.ZERO);
      }
    };
    List<Future<RecordMetadata>> sends = new ArrayList<>(rows.size());
    // one publish span per sent row, ended at its acknowledgement; none at all while tracing is off
    List<Span> spans = tracing.on() ? new ArrayList<>(rows.size()) : null;
    Throwable error = null;
    for (PendingEvent row : rows) {
      Span span = spans == null ? null : tracing.start(row);
      Future<RecordMetadata> send;
      try {
        send = session.send(record(row, tracing.traceparent(span, row)), stopAtFirstFailure);
      } catch (RuntimeException refused) {
        PublishTracing.end(span, refused);
        error = refused;
        break;
      }
      if (send.isDone() && failure(send) != null) {
        error = failure(send);
        PublishTracing.end(span, error);
        break;
      }
      sends.add(send);
      if (spans != null) {
        spans.add(span);
      }
    }
    List<PendingEvent> published = new ArrayList<>(sends.size());
    List<PendingEvent> failed = new ArrayList<>();
    boolean givenUp = false;
    for (int i = 0; i < sends.size(); i++) {
      Future<RecordMetadata> send = sends.get(i);
      // once one send was given up, the rest are not waited for: what is not acknowledged yet goes again
      Throwable refused = givenUp ? (send.isDone() ? failure(send) : new TimeoutException("given up"))
          : await(send);
      givenUp |= refused instanceof TimeoutException;
      if (spans != null) {
        PublishTracing.end(spans.get(i), refused);
      }
      if (refused == null) {
        published.add(rows.get(i));
      } else {
        failed.add(rows.get(i));
        error = error == null ? refused : error;
      }
    }
    failed.addAll(rows.subList(sends.size(), rows.size()));
    if (!failed.isEmpty()) {
      // a fresh idempotent session: the retry starts from the first unacknowledged row, in order
      reset();
    }
    return new Outcome(published, failed, error);
  }

  /** Waits for Kafka's acknowledgement as long as it takes; returns the failure, or null when acknowledged. */
  private Throwable await(Future<RecordMetadata> send) throws InterruptedException {
    long reports = Math.max(1, giveUp.toMillis() / stallReport.toMillis());
    for (long report = 1; ; report++) {
      try {
        send.get(stallReport.toMillis(), TimeUnit.MILLISECONDS);
        return null;
      } catch (ExecutionException e) {
        return e.getCause();
      } catch (TimeoutException e) {
        onStall.run();
        if (report >= reports) {
          log.warn("Kafka has not acknowledged an event for {}: a fresh producer sends it again", giveUp);
          return e;
        }
        log.warn("Kafka has not acknowledged an event for {}; the producer keeps retrying",
            stallReport.multipliedBy(report));
      }
    }
  }

  private static Throwable failure(Future<RecordMetadata> done) {
    try {
      done.get();
      return null;
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return e;
    }
  }

  /** @param traceparent the record's trace context: the publish span's, or the one stored with the event */
  private static ProducerRecord<String, byte[]> record(PendingEvent row, String traceparent) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(EventHeaders.ID, bytes(row.eventId().toString()));
    headers.add(EventHeaders.TYPE, bytes(row.type()));
    headers.add(EventHeaders.CONTENT_TYPE, bytes(EventHeaders.CLOUDEVENTS_JSON));
    if (traceparent != null) {
      headers.add(EventHeaders.TRACEPARENT, bytes(traceparent));
    }
    return new ProducerRecord<>(row.topic(), null, row.key(), row.payload(), headers);
  }

  private static byte[] bytes(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  private void reset() {
    if (producer != null) {
      producer.close(Duration.ZERO); // abandons what it still retries; those rows go again, in order
      producer = null;
    }
  }

  @Override
  public void close() {
    reset();
  }

  /** Which rows Kafka acknowledged, which it did not, and the first error seen. */
  record Outcome(List<PendingEvent> published, List<PendingEvent> failed, Throwable firstError) {
    boolean complete() {
      return failed.isEmpty();
    }
  }
}

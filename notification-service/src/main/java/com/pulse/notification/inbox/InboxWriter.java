package com.pulse.notification.inbox;

import com.pulse.notification.stream.Position;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * Fills the inbox from Kafka. Unlike the live stream (every instance reads everything), this consumer is in one group
 * shared by all instances ({@value #GROUP}), so each event is written by one of them; a new group starts from the
 * oldest retained event. Offsets are committed only after the batch's rows are committed, and the event id is unique,
 * so a crash or rebalance redelivers at most a batch and a redelivered event changes nothing.
 */
@Component
class InboxWriter {

  static final String LISTENER_ID = "notification-inbox";
  static final String GROUP = "notification-inbox";

  private static final Logger log = LoggerFactory.getLogger(InboxWriter.class);

  private final InboxEntries entries;
  private final InboxStore store;
  private final Counter written;
  private final Counter duplicates;
  private final Counter failures;

  InboxWriter(InboxEntries entries, InboxStore store, MeterRegistry meters) {
    this.entries = entries;
    this.store = store;
    this.written = Counter.builder("pulse.notification.inbox.written")
        .description("events written to the inbox").register(meters);
    this.duplicates = Counter.builder("pulse.notification.inbox.duplicates")
        .description("redelivered events the inbox already held (nothing changed)").register(meters);
    this.failures = Counter.builder("pulse.notification.inbox.write.failures")
        .description("batches that could not be written and will be retried").register(meters);
  }

  @KafkaListener(id = LISTENER_ID, groupId = GROUP, topics = "#{T(com.pulse.events.Topics).all()}",
      containerFactory = InboxKafkaConfiguration.CONTAINER_FACTORY, batch = "true",
      properties = {"auto.offset.reset=earliest", "allow.auto.create.topics=false"})
  void on(List<String> values, @Header(KafkaHeaders.RECEIVED_TOPIC) List<String> topics,
      @Header(KafkaHeaders.RECEIVED_PARTITION) List<Integer> partitions,
      @Header(KafkaHeaders.OFFSET) List<Long> offsets,
      @Header(KafkaHeaders.RECEIVED_TIMESTAMP) List<Long> timestamps) {
    List<InboxEntry> batch = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      Position position = new Position(topics.get(i), partitions.get(i), offsets.get(i));
      // read as Object: a record without a value arrives as KafkaNull despite the declared element type
      Object value = values.get(i);
      InboxEntry entry = entry(value, position, timestamps.get(i));
      if (entry != null && !entry.channels().isEmpty()) {
        batch.add(entry);
      }
    }
    try {
      int inserted = store.write(batch);
      written.increment(inserted);
      duplicates.increment(batch.size() - inserted);
    } catch (RuntimeException e) {
      failures.increment();
      log.warn("Could not write {} inbox entries ({}); retrying, offsets stay uncommitted", batch.size(),
          e.toString());
      throw e;
    }
  }

  /** The entry, or null for a record that is not a structured CloudEvent (skipped, as the live stream does). */
  private InboxEntry entry(Object value, Position position, Long timestamp) {
    String json = value instanceof String text ? text
        : value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : null;
    if (json == null) {
      log.warn("Inbox skipped the record at {}: no value", position);
      return null;
    }
    try {
      return entries.read(json, position, timestamp == null || timestamp < 0 ? null : Instant.ofEpochMilli(timestamp));
    } catch (IllegalArgumentException e) {
      log.warn("Inbox skipped the record at {}: not a structured CloudEvent ({})", position, e.getMessage());
      return null;
    }
  }
}

package com.pulse.notification.stream;

import com.pulse.notification.metrics.NotificationMetrics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * The consumer group the instances share, for work that must happen once per event rather than once per instance
 * (the inbox): a Spring Kafka batch listener on every Pulse topic. Offsets are committed after a batch returned, so a
 * crash or rebalance redelivers at most a batch (listeners are idempotent). Failures are handled by
 * {@link SharedFeedConfiguration}: retried, and a record that still fails, or is no CloudEvent at all, goes to its
 * topic's dead-letter topic ({@code <topic>.dlt}) with the error in its headers.
 */
final class SharedEventFeed {


  private static final Logger log = LoggerFactory.getLogger(SharedEventFeed.class);

  private final EventBatchListener listener;
  private final EnvelopeReader reader = new EnvelopeReader();
  private final NotificationMetrics metrics;

  SharedEventFeed(EventBatchListener listener, NotificationMetrics metrics) {
    this.listener = listener;
    this.metrics = metrics;
  }

  @KafkaListener(id = EventBatchListener.LISTENER_ID, groupId = "${pulse.notification.stream.shared-group:" + EventBatchListener.GROUP + "}",
      topicPattern = "${pulse.notification.stream.topics:[a-z][a-z0-9-]*\\.[a-z][a-z0-9-]*\\.v[0-9]+}",
      containerFactory = SharedFeedConfiguration.CONTAINER_FACTORY, batch = "true",
      // a topic created after start (its producer's first event) is found within metadata.max.age: keep it short
      properties = {"auto.offset.reset=earliest", "allow.auto.create.topics=false", "metadata.max.age.ms=5000"})
  void on(List<ConsumerRecord<String, byte[]>> records) {
    List<StreamEvent> events = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      ConsumerRecord<String, byte[]> record = records.get(i);
      Position position = new Position(record.topic(), record.partition(), record.offset());
      try {
        if (record.value() == null) {
          throw new IllegalArgumentException("no value");
        }
        events.add(reader.read(position, record.value(),
            record.timestamp() < 0 ? Instant.now() : Instant.ofEpochMilli(record.timestamp())));
      } catch (IllegalArgumentException e) {
        // the records before it are handed on first; this one then goes to the dead-letter topic
        metrics.eventInvalid(record.topic());
        log.warn("Shared feed: the record at {} is not a structured CloudEvent ({})", position, e.getMessage());
        handOn(events);
        throw new BatchListenerFailedException("not a structured CloudEvent: " + e.getMessage(), e, i);
      }
    }
    handOn(events);
  }

  private void handOn(List<StreamEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    try {
      listener.onBatch(events);
    } catch (EventBatchListener.FailedEvent failed) {
      throw new BatchListenerFailedException(failed.getMessage(), failed.getCause(), failed.index());
    }
  }
}

package com.pulse.bench.socket;

import com.pulse.events.Announcement;
import com.pulse.events.EventHeaders;
import com.pulse.events.EventType;
import com.pulse.events.PulseEvents;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes {@code ocs.order.created} events straight to {@code ocs.orders.v1}, as ocs-service's outbox relay does
 * (structured CloudEvents, key = order id, the same headers), so notification-service is measured alone. Each
 * event's {@code orderCode} carries the benchmark's sequence number and the {@code System.nanoTime()} it was sent
 * at ({@link Frames#MARKER}); client processes on this machine read the same monotonic clock.
 */
final class OrderEventPublisher implements AutoCloseable {

  private static final URI SOURCE = URI.create("/pulse/bench");
  /** Whom ocs-service would announce such an order to (its {@code OrderAnnouncement}): the clients are in ocs:all. */
  private static final Announcement AUDIENCE = Announcement.to("ocs:all", "ocs:doctor:dr.bench", "ocs:job:RIS")
      .titled("RIS order: requested", "Patient P-BENCH · ordered by dr.bench");

  private final KafkaProducer<String, byte[]> producer;

  OrderEventPublisher(String bootstrapServers) {
    producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.LINGER_MS_CONFIG, 0,
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
  }

  /** Sends event number {@code sequence}; returns the send time it carries. */
  long publish(long sequence) {
    String orderId = UUID.randomUUID().toString();
    long sentAt = System.nanoTime();
    String data = """
        {"orderId":"%s","patientId":"P-BENCH","doctorId":"dr.bench","jobRole":"RIS","orderCode":"B%d.%d",\
        "priority":"ROUTINE","notes":null,"status":"REQUESTED","workerId":null,"result":null,"cancelReason":null,\
        "version":1,"createdAt":"%s","acceptedAt":null,"startedAt":null,"completedAt":null,"cancelledAt":null}"""
        .formatted(orderId, sequence, sentAt, Instant.now());
    byte[] event = PulseEvents.serialize(PulseEvents.event(EventType.OCS_ORDER_CREATED).source(SOURCE)
        .subject(orderId).sequence(1).announce(AUDIENCE).data(data.getBytes(StandardCharsets.UTF_8)).build());
    RecordHeaders headers = new RecordHeaders();
    headers.add(EventHeaders.TYPE, EventType.OCS_ORDER_CREATED.type().getBytes(StandardCharsets.UTF_8));
    headers.add(EventHeaders.CONTENT_TYPE, EventHeaders.CLOUDEVENTS_JSON.getBytes(StandardCharsets.UTF_8));
    producer.send(new ProducerRecord<>(EventType.OCS_ORDER_CREATED.topic(), null, orderId, event, headers));
    return sentAt;
  }

  void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    producer.close();
  }
}

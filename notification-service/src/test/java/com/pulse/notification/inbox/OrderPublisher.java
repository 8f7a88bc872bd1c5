package com.pulse.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.events.EventHeaders;
import com.pulse.notification.OrderAnnouncements;
import com.pulse.events.EventSchemas;
import com.pulse.events.EventType;
import com.pulse.events.PulseEvents;
import com.pulse.events.Topics;
import com.pulse.testsupport.TestInfrastructure;
import io.cloudevents.CloudEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes real {@code ocs.order.created} CloudEvents to the shared broker as the outbox relay does (key = order id,
 * id and type as headers), each checked against the contract's JSON Schema first.
 */
public final class OrderPublisher implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final EventSchemas SCHEMAS = new EventSchemas();

  /** One published event and where Kafka put it. */
  public record Published(String eventId, String orderId, byte[] value, RecordMetadata metadata) {

    public String position() {
      return metadata.topic() + ":" + metadata.partition() + ":" + metadata.offset();
    }
  }

  private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
      ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().orElseThrow().kafkaBootstrapServers(),
      ProducerConfig.ACKS_CONFIG, "all",
      ProducerConfig.LINGER_MS_CONFIG, 0),
      new StringSerializer(), new ByteArraySerializer());

  public Published publish(String doctorId, String jobRole, String priority) throws Exception {
    return publish(doctorId, jobRole, priority, Instant.now());
  }

  public Published publish(String doctorId, String jobRole, String priority, Instant time) throws Exception {
    return publish(UUID.randomUUID().toString(), 1, doctorId, jobRole, priority, time);
  }

  /** An event of a given order: events of one order share a key, hence a partition, hence their order. */
  public Published publish(String orderId, long sequence, String doctorId, String jobRole, String priority)
      throws Exception {
    return publish(orderId, sequence, doctorId, jobRole, priority, Instant.now());
  }

  private Published publish(String orderId, long sequence, String doctorId, String jobRole, String priority,
      Instant time) throws Exception {
    CloudEvent event = PulseEvents.event(EventType.OCS_ORDER_CREATED)
        .source(URI.create("/pulse/ocs-service")).subject(orderId).sequence(sequence).time(time)
        .announce(OrderAnnouncements.of(doctorId, jobRole, priority, "REQUESTED"))
        .data(JSON.writeValueAsBytes(order(orderId, doctorId, jobRole, priority, time))).build();
    byte[] value = PulseEvents.serialize(event);
    assertThat(SCHEMAS.violations(value)).as("the test event keeps the contract").isEmpty();
    return send(event.getId(), orderId, value);
  }

  /** Any bytes as a record of the orders topic, as a broken producer could write them. */
  public Published sendRaw(String eventId, String orderId, byte[] value) throws Exception {
    return send(eventId, orderId, value);
  }

  /** The same record value again, as a redelivering producer or a replayed topic would bring it. */
  public Published resend(Published published) throws Exception {
    return send(published.eventId(), published.orderId(), published.value());
  }

  private Published send(String eventId, String orderId, byte[] value) throws Exception {
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.OCS_ORDERS, orderId, value);
    record.headers().add(EventHeaders.CONTENT_TYPE, EventHeaders.CLOUDEVENTS_JSON.getBytes(StandardCharsets.UTF_8));
    record.headers().add(EventHeaders.ID, eventId.getBytes(StandardCharsets.UTF_8));
    record.headers().add(EventHeaders.TYPE, EventType.OCS_ORDER_CREATED.type().getBytes(StandardCharsets.UTF_8));
    RecordMetadata metadata = producer.send(record).get(10, TimeUnit.SECONDS);
    return new Published(eventId, orderId, value, metadata);
  }

  private static Map<String, Object> order(String orderId, String doctorId, String jobRole, String priority,
      Instant time) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("orderId", orderId);
    data.put("patientId", "P-1001");
    data.put("doctorId", doctorId);
    data.put("jobRole", jobRole);
    data.put("orderCode", "CT-HEAD");
    data.put("priority", priority);
    data.put("notes", null);
    data.put("status", "REQUESTED");
    data.put("workerId", null);
    data.put("result", null);
    data.put("cancelReason", null);
    data.put("version", 1);
    data.put("createdAt", time.toString());
    data.put("acceptedAt", null);
    data.put("startedAt", null);
    data.put("completedAt", null);
    data.put("cancelledAt", null);
    return data;
  }

  @Override
  public void close() {
    producer.close();
  }
}

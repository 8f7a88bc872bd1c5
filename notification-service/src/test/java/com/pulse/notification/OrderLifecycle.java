package com.pulse.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.events.EventHeaders;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes an order's whole lifecycle as ocs-service's outbox relay would: one event per transition
 * ({@code ocs.order.created|accepted|started|completed|cancelled}), each carrying the snapshot after it, keyed by the
 * order id, and each checked against the contract's JSON Schema before it is sent.
 */
final class OrderLifecycle implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final EventSchemas SCHEMAS = new EventSchemas();

  /** One published transition: the event as sent, and where Kafka put it. */
  record Published(String eventId, String orderId, JsonNode event, RecordMetadata metadata) {

    String position() {
      return metadata.topic() + ":" + metadata.partition() + ":" + metadata.offset();
    }

    JsonNode snapshot() {
      return event.path("data");
    }
  }

  /** An order's current snapshot; each transition changes it and publishes the event. */
  final class Order {
    private final Map<String, Object> snapshot = new LinkedHashMap<>();
    private Published created;

    String id() {
      return (String) snapshot.get("orderId");
    }

    /** Its {@code ocs.order.created} event. */
    Published created() {
      return created;
    }

    Published accept(String workerId) throws Exception {
      snapshot.put("previousStatus", snapshot.get("status"));
      snapshot.put("status", "ACCEPTED");
      snapshot.put("workerId", workerId);
      snapshot.put("acceptedAt", Instant.now().toString());
      return publish(this, EventType.OCS_ORDER_ACCEPTED);
    }

    Published start() throws Exception {
      snapshot.put("previousStatus", snapshot.get("status"));
      snapshot.put("status", "IN_PROGRESS");
      snapshot.put("startedAt", Instant.now().toString());
      return publish(this, EventType.OCS_ORDER_STARTED);
    }

    Published complete(String result) throws Exception {
      snapshot.put("previousStatus", snapshot.get("status"));
      snapshot.put("status", "COMPLETED");
      snapshot.put("result", result);
      snapshot.put("completedAt", Instant.now().toString());
      return publish(this, EventType.OCS_ORDER_COMPLETED);
    }

    Published cancel(String reason) throws Exception {
      snapshot.put("previousStatus", snapshot.get("status"));
      snapshot.put("status", "CANCELLED");
      snapshot.put("cancelReason", reason);
      snapshot.put("cancelledAt", Instant.now().toString());
      return publish(this, EventType.OCS_ORDER_CANCELLED);
    }
  }

  private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
      ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().orElseThrow().kafkaBootstrapServers(),
      ProducerConfig.ACKS_CONFIG, "all",
      ProducerConfig.LINGER_MS_CONFIG, 0),
      new StringSerializer(), new ByteArraySerializer());

  /** Publishes {@code ocs.order.created} for a new order. */
  Order create(String doctorId, String jobRole) throws Exception {
    Order order = new Order();
    Map<String, Object> data = order.snapshot;
    data.put("orderId", UUID.randomUUID().toString());
    data.put("patientId", "P-1001");
    data.put("doctorId", doctorId);
    data.put("jobRole", jobRole);
    data.put("orderCode", jobRole.equals("RIS") ? "CT-HEAD" : "CBC");
    data.put("priority", "URGENT");
    data.put("notes", "Rule out bleed");
    data.put("status", "REQUESTED");
    data.put("workerId", null);
    data.put("result", null);
    data.put("cancelReason", null);
    data.put("version", 0);
    data.put("createdAt", Instant.now().toString());
    data.put("acceptedAt", null);
    data.put("startedAt", null);
    data.put("completedAt", null);
    data.put("cancelledAt", null);
    order.created = publish(order, EventType.OCS_ORDER_CREATED);
    return order;
  }

  /**
   * Publishes an order event of a type the contract does not list (yet), e.g. {@code ocs.order.noted}: what a newer
   * producer could send. Well-formed CloudEvent, no schema to check it against.
   */
  Published publishUnlisted(Order order, String type) throws Exception {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("specversion", "1.0");
    event.put("id", UUID.randomUUID().toString());
    event.put("source", "/pulse/ocs-service");
    event.put("type", type);
    event.put("subject", order.id());
    event.put("time", Instant.now().toString());
    event.put("datacontenttype", "application/json");
    event.put("audience", OrderAnnouncements.of((String) order.snapshot.get("doctorId"),
        (String) order.snapshot.get("jobRole"), "ROUTINE", "REQUESTED").audienceText());
    event.put("data", order.snapshot);
    byte[] value = JSON.writeValueAsBytes(event);
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.OCS_ORDERS, order.id(), value);
    record.headers().add(EventHeaders.CONTENT_TYPE, EventHeaders.CLOUDEVENTS_JSON.getBytes(StandardCharsets.UTF_8));
    RecordMetadata metadata = producer.send(record).get(10, TimeUnit.SECONDS);
    return new Published((String) event.get("id"), order.id(), JSON.readTree(value), metadata);
  }

  private Published publish(Order order, EventType type) throws Exception {
    int version = (Integer) order.snapshot.get("version") + 1;
    order.snapshot.put("version", version);
    CloudEvent event = PulseEvents.event(type).source(URI.create("/pulse/ocs-service")).subject(order.id())
        .sequence(version)
        .announce(OrderAnnouncements.of((String) order.snapshot.get("doctorId"), (String) order.snapshot.get("jobRole"),
            (String) order.snapshot.get("priority"), (String) order.snapshot.get("status")))
        .data(JSON.writeValueAsBytes(order.snapshot)).build();
    byte[] value = PulseEvents.serialize(event);
    assertThat(SCHEMAS.violations(value)).as("the test's %s keeps the contract", type.type()).isEmpty();
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.OCS_ORDERS, order.id(), value);
    record.headers().add(EventHeaders.CONTENT_TYPE, EventHeaders.CLOUDEVENTS_JSON.getBytes(StandardCharsets.UTF_8));
    record.headers().add(EventHeaders.ID, event.getId().getBytes(StandardCharsets.UTF_8));
    record.headers().add(EventHeaders.TYPE, type.type().getBytes(StandardCharsets.UTF_8));
    RecordMetadata metadata = producer.send(record).get(10, TimeUnit.SECONDS);
    return new Published(event.getId(), order.id(), JSON.readTree(value), metadata);
  }

  @Override
  public void close() {
    producer.close();
  }
}

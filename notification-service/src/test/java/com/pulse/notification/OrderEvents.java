package com.pulse.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.events.EventHeaders;
import com.pulse.events.EventSchemas;
import com.pulse.events.EventType;
import com.pulse.events.PulseEvents;
import com.pulse.events.Topics;
import com.pulse.notification.stream.PartitionId;
import com.pulse.notification.stream.StreamPosition;
import com.pulse.testsupport.TestInfrastructure;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
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
 * Publishes real {@code ocs.order.created} CloudEvents to the shared broker the way the outbox relay does: key =
 * order id, value = the structured-mode event, id and type repeated as headers. Every event is checked against the
 * contract's JSON Schema first, so the tests feed the service nothing a real producer could not.
 */
final class OrderEvents implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final EventSchemas SCHEMAS = new EventSchemas();
  private static final URI SOURCE = URI.create("/pulse/ocs-service");

  /** One published event and where Kafka put it. */
  record Sent(String orderId, String doctorId, String jobRole, byte[] value, RecordMetadata metadata) {

    /** The position the service must give this event. */
    String position() {
      return metadata.topic() + ":" + metadata.partition() + ":" + metadata.offset();
    }

    String json() {
      return new String(value, StandardCharsets.UTF_8);
    }

    String eventId() {
      return JSON.readTree(value).path("id").asString();
    }

    /**
     * Whether a frame's {@code position}, a resume point on its own, is the one right after this event: it names
     * every partition of the topic (three in the tests), and this event's partition at this event's offset.
     */
    boolean isJustAfterIn(String framePosition) {
      StreamPosition position = StreamPosition.parse(framePosition);
      return position.offset(new PartitionId(metadata.topic(), metadata.partition())) == metadata.offset()
          && position.offsets().keySet().stream().filter(p -> p.topic().equals(metadata.topic())).count() == 3;
    }
  }

  private final Map<String, String> positions = new java.util.concurrent.ConcurrentHashMap<>();

  /** The Kafka position of the event a frame carries (published here), to check order and identity by. */
  String positionOf(JsonNode frame) {
    String position = positions.get(frame.path("event").path("id").asString());
    assertThat(position).as("an event published by this test").isNotNull();
    return position;
  }

  private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
      ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().orElseThrow().kafkaBootstrapServers(),
      ProducerConfig.ACKS_CONFIG, "all",
      ProducerConfig.LINGER_MS_CONFIG, 0),
      new StringSerializer(), new ByteArraySerializer());

  Sent publish(String doctorId, String jobRole) throws Exception {
    return publish(UUID.randomUUID().toString(), 1, doctorId, jobRole, "");
  }

  Sent publish(String orderId, long sequence, String doctorId, String jobRole, String notes) throws Exception {
    return send(orderId, doctorId, jobRole, event(orderId, sequence, doctorId, jobRole, notes))
        .get(10, TimeUnit.SECONDS);
  }

  /** Publishes {@code count} orders at once (one flush), each with {@code notes} to make its frame bigger. */
  List<Sent> publishMany(int count, String doctorId, String jobRole, String notes) throws Exception {
    List<CompletableFuture<Sent>> pending = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String orderId = UUID.randomUUID().toString();
      pending.add(send(orderId, doctorId, jobRole, event(orderId, 1, doctorId, jobRole, notes)));
    }
    producer.flush();
    List<Sent> sent = new ArrayList<>();
    for (CompletableFuture<Sent> future : pending) {
      sent.add(future.get(10, TimeUnit.SECONDS));
    }
    return sent;
  }

  private CompletableFuture<Sent> send(String orderId, String doctorId, String jobRole, byte[] value) {
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.OCS_ORDERS, orderId, value);
    record.headers().add(EventHeaders.CONTENT_TYPE, EventHeaders.CLOUDEVENTS_JSON.getBytes(StandardCharsets.UTF_8));
    record.headers().add(EventHeaders.ID, JSON.readTree(value).path("id").asString().getBytes(StandardCharsets.UTF_8));
    record.headers().add(EventHeaders.TYPE, EventType.OCS_ORDER_CREATED.type().getBytes(StandardCharsets.UTF_8));
    CompletableFuture<Sent> sent = new CompletableFuture<>();
    producer.send(record, (metadata, error) -> {
      if (error != null) {
        sent.completeExceptionally(error);
      } else {
        Sent done = new Sent(orderId, doctorId, jobRole, value, metadata);
        positions.put(done.eventId(), done.position());
        sent.complete(done);
      }
    });
    return sent;
  }

  static byte[] event(String orderId, long sequence, String doctorId, String jobRole, String notes) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("orderId", orderId);
    data.put("patientId", "P-1001");
    data.put("doctorId", doctorId);
    data.put("jobRole", jobRole);
    data.put("orderCode", "CT-HEAD");
    data.put("priority", "ROUTINE");
    data.put("notes", notes);
    data.put("status", "REQUESTED");
    data.put("workerId", null);
    data.put("result", null);
    data.put("cancelReason", null);
    data.put("version", 1); // the contract has only "created" so far, which is always version 1
    data.put("createdAt", Instant.now().toString());
    data.put("acceptedAt", null);
    data.put("startedAt", null);
    data.put("completedAt", null);
    data.put("cancelledAt", null);
    byte[] value = PulseEvents.serialize(PulseEvents.event(EventType.OCS_ORDER_CREATED)
        .source(SOURCE).subject(orderId).sequence(sequence)
        .announce(OrderAnnouncements.of(doctorId, jobRole, "ROUTINE", "REQUESTED"))
        .data(JSON.writeValueAsBytes(data)).build());
    assertThat(SCHEMAS.violations(value)).as("the test event keeps the contract").isEmpty();
    return value;
  }

  @Override
  public void close() {
    producer.close();
  }
}

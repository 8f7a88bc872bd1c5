package com.pulse.events.ocs;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.events.EventSchemas;
import com.pulse.events.EventType;
import com.pulse.identity.JobRole;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Java payload and the schema say the same: an order in each status, as the event that leads there carries it,
 * serializes to JSON that meets that event's schema, with exactly the schema's members.
 */
class OrderSnapshotTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Instant T0 = Instant.parse("2026-11-22T09:15:02.118Z");
  private static final UUID ID = UUID.fromString("0b6f9a52-61d4-4f4e-8f0c-2d7f3c9a1e44");

  private final EventSchemas schemas = new EventSchemas();

  static Stream<Arguments> everyStatusAndTheEventThatLeadsThere() {
    return Stream.of(
        Arguments.of(OrderStatus.REQUESTED, null, EventType.OCS_ORDER_CREATED),
        Arguments.of(OrderStatus.ACCEPTED, OrderStatus.REQUESTED, EventType.OCS_ORDER_ACCEPTED),
        Arguments.of(OrderStatus.IN_PROGRESS, OrderStatus.ACCEPTED, EventType.OCS_ORDER_STARTED),
        Arguments.of(OrderStatus.COMPLETED, OrderStatus.IN_PROGRESS, EventType.OCS_ORDER_COMPLETED),
        Arguments.of(OrderStatus.CANCELLED, OrderStatus.REQUESTED, EventType.OCS_ORDER_CANCELLED),
        Arguments.of(OrderStatus.CANCELLED, OrderStatus.ACCEPTED, EventType.OCS_ORDER_CANCELLED));
  }

  @ParameterizedTest(name = "{2}: {1} → {0}")
  @MethodSource("everyStatusAndTheEventThatLeadsThere")
  void serializesToWhatTheEventsSchemaRequires(OrderStatus status, OrderStatus previous, EventType type) {
    byte[] json = JSON.writeValueAsBytes(snapshot(status, previous));

    assertThat(schemas.dataViolations(type, json)).isEmpty();
    assertThat(JSON.readTree(json).propertyNames()).containsExactlyInAnyOrderElementsOf(schemaMembers());
  }

  @Test
  void theStatusesCoveredAreAllTheStatuses() {
    assertThat(everyStatusAndTheEventThatLeadsThere().map(a -> (OrderStatus) a.get()[0]).distinct())
        .containsExactlyInAnyOrder(OrderStatus.values());
  }

  @ParameterizedTest
  @EnumSource(OrderStatus.class)
  void everyStatusAndPriorityIsOneTheSchemaNames(OrderStatus status) throws IOException {
    JsonNode properties = schema().path("properties");
    assertThat(properties.path("status").path("enum").valueStream().map(JsonNode::asString)).contains(status.name());
    assertThat(properties.path("priority").path("enum").valueStream().map(JsonNode::asString))
        .containsExactlyElementsOf(Arrays.stream(OrderPriority.values()).map(Enum::name).toList());
  }

  @Test
  void aSnapshotThatBreaksItsEventsGuaranteeIsReported() {
    OrderSnapshot accepted = snapshot(OrderStatus.ACCEPTED, OrderStatus.REQUESTED);
    OrderSnapshot withoutWorker = new OrderSnapshot(accepted.orderId(), accepted.patientId(), accepted.doctorId(),
        accepted.jobRole(), accepted.orderCode(), accepted.priority(), accepted.notes(), accepted.status(),
        accepted.previousStatus(), null, null, null, accepted.version(), accepted.createdAt(), accepted.acceptedAt(),
        null, null, null);

    assertThat(schemas.dataViolations(EventType.OCS_ORDER_ACCEPTED, JSON.writeValueAsBytes(withoutWorker)))
        .anySatisfy(v -> assertThat(v).contains("workerId"));
  }

  @Test
  void theRecordHasExactlyTheSchemasMembers() {
    assertThat(Arrays.stream(OrderSnapshot.class.getRecordComponents()).map(RecordComponent::getName))
        .containsExactlyInAnyOrderElementsOf(schemaMembers());
  }

  /** An order of dr.kim for RIS, taken by ris.park through the steps to {@code status}, as its event carries it. */
  private static OrderSnapshot snapshot(OrderStatus status, OrderStatus previous) {
    boolean accepted = switch (status) {
      case REQUESTED -> false;
      case ACCEPTED, IN_PROGRESS, COMPLETED -> true;
      case CANCELLED -> previous == OrderStatus.ACCEPTED;
    };
    boolean started = status == OrderStatus.IN_PROGRESS || status == OrderStatus.COMPLETED;
    boolean completed = status == OrderStatus.COMPLETED;
    boolean cancelled = status == OrderStatus.CANCELLED;
    long version = 1 + (accepted ? 1 : 0) + (started ? 1 : 0) + (completed ? 1 : 0) + (cancelled ? 1 : 0);
    return new OrderSnapshot(ID, "P-1001", "dr.kim", JobRole.RIS, "CT-HEAD", OrderPriority.STAT, null, status,
        previous, accepted ? "ris.park" : null, completed ? "No acute findings." : null,
        cancelled ? "Ordered twice." : null, version, T0, accepted ? T0.plusSeconds(60) : null,
        started ? T0.plusSeconds(120) : null, completed ? T0.plusSeconds(600) : null,
        cancelled ? T0.plusSeconds(180) : null);
  }

  private static List<String> schemaMembers() {
    try {
      return schema().path("properties").propertyNames().stream().toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode schema() throws IOException {
    try (InputStream in = OrderSnapshotTests.class.getClassLoader()
        .getResourceAsStream("schemas/ocs.order.v1.json")) {
      return JSON.readTree(in);
    }
  }
}

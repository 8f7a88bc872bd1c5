package com.pulse.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The schemas of the order lifecycle events pin what each transition guarantees: the status it leads to, who holds
 * the order, the time of the step, the result or the reason. Each case breaks one of those in the shipped example.
 */
class OrderLifecycleSchemasTests {

  private final EventSchemas schemas = new EventSchemas();

  static Stream<Arguments> brokenExamples() {
    return Stream.of(
        Arguments.of(EventType.OCS_ORDER_ACCEPTED, "\"workerId\": \"ris.park\"", "\"workerId\": null", "workerId"),
        Arguments.of(EventType.OCS_ORDER_ACCEPTED, "\"status\": \"ACCEPTED\"", "\"status\": \"REQUESTED\"",
            "status"),
        Arguments.of(EventType.OCS_ORDER_ACCEPTED, "\"version\": 2", "\"version\": 1", "version"),
        Arguments.of(EventType.OCS_ORDER_STARTED, "\"startedAt\": \"2026-11-22T09:20:11.021Z\"",
            "\"startedAt\": null", "startedAt"),
        Arguments.of(EventType.OCS_ORDER_STARTED, "\"status\": \"IN_PROGRESS\"", "\"status\": \"ACCEPTED\"",
            "status"),
        Arguments.of(EventType.OCS_ORDER_COMPLETED, "\"result\": \"No acute intracranial haemorrhage.\"",
            "\"result\": null", "result"),
        Arguments.of(EventType.OCS_ORDER_COMPLETED, "\"completedAt\": \"2026-11-22T09:41:57.799Z\"",
            "\"completedAt\": \"yesterday\"", "completedAt"),
        Arguments.of(EventType.OCS_ORDER_CANCELLED, "\"cancelReason\": \"Patient transferred to another hospital.\"",
            "\"cancelReason\": \"\"", "cancelReason"),
        Arguments.of(EventType.OCS_ORDER_CANCELLED, "\"startedAt\": null",
            "\"startedAt\": \"2026-11-22T09:17:00Z\"", "startedAt"),
        Arguments.of(EventType.OCS_ORDER_CANCELLED, "\"doctorId\": \"dr.kim\",", "", "doctorId"));
  }

  @ParameterizedTest(name = "{0}: {3}")
  @MethodSource("brokenExamples")
  void aBrokenGuaranteeIsReportedOnItsMember(EventType type, String original, String broken, String member)
      throws IOException {
    String example = example(type);
    assertThat(example).contains(original);

    assertThat(schemas.violations(example.replace(original, broken).getBytes(StandardCharsets.UTF_8)))
        .anySatisfy(v -> assertThat(v).startsWith("data").contains(member));
  }

  @Test
  void everyOrderEventTypeTravelsOnTheOrdersTopicWithItsOwnSchema() {
    Stream.of(EventType.values()).filter(t -> t.type().startsWith("ocs.order.")).forEach(type -> {
      assertThat(type.topic()).isEqualTo(Topics.OCS_ORDERS);
      assertThat(type.dataSchema().toString()).isEqualTo("urn:pulse:schema:" + type.type() + ":v1");
    });
    assertThat(Stream.of(EventType.values()).map(EventType::type)).contains("ocs.order.created",
        "ocs.order.accepted", "ocs.order.started", "ocs.order.completed", "ocs.order.cancelled");
  }

  @Test
  void aCancelFromRequestedHasNoWorker() throws IOException {
    String fromRequested = example(EventType.OCS_ORDER_CANCELLED)
        .replace("\"workerId\": \"ris.park\"", "\"workerId\": null")
        .replace("\"acceptedAt\": \"2026-11-22T09:16:40.507Z\"", "\"acceptedAt\": null")
        .replace("\"version\": 3", "\"version\": 2")
        .replace("\"0000000000000000003\"", "\"0000000000000000002\"");

    assertThat(schemas.violations(fromRequested.getBytes(StandardCharsets.UTF_8))).isEmpty();
  }

  private String example(EventType type) throws IOException {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("examples/" + type.type() + ".json")) {
      assertThat(in).as("example for " + type.type()).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}

package com.pulse.notification.socket;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.notification.stream.Position;
import com.pulse.notification.stream.StreamEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The seed dialect's frames, built from the contract's own example events (common-events). */
class OcsDialectTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Position POSITION = new Position("ocs.orders.v1", 1, 9);

  @ParameterizedTest
  @CsvSource({
      "ocs.order.created,   OCS_CREATED,        ,            ",
      "ocs.order.accepted,  OCS_STATUS_CHANGED, ACCEPTED,    accepted",
      "ocs.order.started,   OCS_STATUS_CHANGED, IN_PROGRESS, started",
      "ocs.order.completed, OCS_STATUS_CHANGED, COMPLETED,   completed",
      "ocs.order.cancelled, OCS_STATUS_CHANGED, CANCELLED,   cancelled"})
  void everyTransitionBecomesTheFrameTheSeedsClientDispatchesOn(String type, String frameType, String status,
      String action) {
    byte[] raw = example(type);
    JsonNode event = JSON.readTree(raw);

    JsonNode frame = JSON.readTree(OcsDialect.FRAMES.encode(streamEvent(type, raw, event)));

    assertThat(frame.path("type").asString()).isEqualTo(frameType);
    assertThat(frame.path("ocs")).isEqualTo(event.path("data"));
    assertThat(frame.path("eventId").asString()).isEqualTo(event.path("id").asString());
    assertThat(frame.path("position").asString()).isEqualTo("ocs.orders.v1:1:9");
    assertThat(Instant.parse(frame.path("occurredAt").asString())).isEqualTo(Instant.parse(event.path("time")
        .asString()));
    if (status == null) {
      assertThat(frame.has("status")).isFalse();
      assertThat(frame.has("action")).isFalse();
    } else {
      assertThat(frame.path("status").asString()).isEqualTo(status).isEqualTo(event.path("data").path("status")
          .asString());
      assertThat(frame.path("action").asString()).isEqualTo(action);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ocs.order.reassigned", "ocs.worklist.changed", "spc.alert.raised", "vote.cast"})
  void anyOtherEventIsNotSent(String type) {
    byte[] raw = ("{\"specversion\":\"1.0\",\"id\":\"e-9\",\"type\":\"" + type + "\",\"data\":{\"doctorId\":\"dr.kim\"}}")
        .getBytes(StandardCharsets.UTF_8);

    assertThat(OcsDialect.FRAMES.encode(streamEvent(type, raw, JSON.readTree(raw)))).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"id\":\"e-9\",\"type\":\"ocs.order.created\"}",
      "{\"id\":\"e-9\",\"type\":\"ocs.order.created\",\"data\":\"not an order\"}"})
  void anOrderEventWithoutASnapshotIsNotSent(String json) {
    byte[] raw = json.getBytes(StandardCharsets.UTF_8);

    assertThat(OcsDialect.FRAMES.encode(streamEvent("ocs.order.created", raw, JSON.readTree(raw)))).isNull();
  }

  private static StreamEvent streamEvent(String type, byte[] raw, JsonNode event) {
    Instant time = event.has("time") ? Instant.parse(event.path("time").asString()) : Instant.now();
    return new StreamEvent(POSITION, raw, event.path("id").asString(), type, event.path("subject").asString(null),
        time, Map.of());
  }

  private static byte[] example(String type) {
    try (InputStream in = OcsDialectTests.class.getClassLoader().getResourceAsStream("examples/" + type + ".json")) {
      assertThat(in).as("the contract's example of " + type).isNotNull();
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

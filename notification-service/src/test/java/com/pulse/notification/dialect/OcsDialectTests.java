package com.pulse.notification.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.events.Priority;
import com.pulse.notification.stream.Position;
import com.pulse.notification.stream.StreamEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
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

    JsonNode frame = JSON.readTree(OcsDialect.frame(streamEvent(type, raw, event)));

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
      assertThat(frame.path("previousStatus")).isEqualTo(event.path("data").path("previousStatus"));
      assertThat(frame.path("previousStatus").asString()).isNotEmpty().isNotEqualTo(status);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ocs.order.reassigned", "ocs.worklist.changed", "spc.alert.raised", "vote.cast"})
  void anyOtherEventIsNotSent(String type) {
    // an order event that moved no status (say, a reassignment) is no status change for the seed's client
    byte[] raw = ("{\"specversion\":\"1.0\",\"id\":\"e-9\",\"type\":\"" + type + "\",\"data\":{\"doctorId\":\"dr.kim\"}}")
        .getBytes(StandardCharsets.UTF_8);

    assertThat(OcsDialect.frame(streamEvent(type, raw, JSON.readTree(raw)))).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"id\":\"e-9\",\"type\":\"ocs.order.created\"}",
      "{\"id\":\"e-9\",\"type\":\"ocs.order.created\",\"data\":\"not an order\"}"})
  void anOrderEventWithoutASnapshotIsNotSent(String json) {
    byte[] raw = json.getBytes(StandardCharsets.UTF_8);

    assertThat(OcsDialect.frame(streamEvent("ocs.order.created", raw, JSON.readTree(raw)))).isNull();
  }

  private static StreamEvent streamEvent(String type, byte[] raw, JsonNode event) {
    Instant time = event.has("time") ? Instant.parse(event.path("time").asString()) : Instant.now();
    return new StreamEvent(POSITION, raw, event.path("id").asString(), type, event.path("subject").asString(null),
        time, List.of("ocs:all"), Priority.NORMAL, null, null);
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

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The seed's SPC messages, built from the contract's own example events (common-events). */
class SpcFramesTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void anAlertIsTheSeedsAlertObject() {
    JsonNode frame = frame("spc.alert.raised");

    assertThat(frame.path("type").asString()).isEqualTo("alert");
    assertThat(frame.path("alert").propertyNames()).containsExactly("id", "product_code", "product_name",
        "alert_type", "priority", "title", "message", "status", "created_at");
    assertThat(frame.path("alert").path("product_code").asString()).isEqualTo("BOLT-M10");
    assertThat(frame.path("alert").path("status").asString()).isEqualTo("OPEN");
    assertThat(frame.path("timestamp").asString()).isEqualTo("2026-11-22T09:15:02Z");
  }

  @Test
  void aMeasurementIsTheSeedsMeasurementObjectWithNullWhileUnjudged() {
    String unjudged = new String(example("spc.measurement.recorded"), StandardCharsets.UTF_8)
        .replace("\"withinControl\": false", "\"withinControl\": null");
    JsonNode frame = frame("spc.measurement.recorded", unjudged.getBytes(StandardCharsets.UTF_8));

    assertThat(frame.path("type").asString()).isEqualTo("measurement");
    JsonNode measurement = frame.path("measurement");
    assertThat(measurement.propertyNames()).containsExactly("id", "product_id", "product_code", "measurement_value",
        "sample_number", "subgroup_number", "is_within_spec", "is_within_control", "measured_at");
    assertThat(measurement.path("measurement_value").asDouble()).isEqualTo(10.65);
    assertThat(measurement.path("is_within_spec").asBoolean()).isFalse();
    assertThat(measurement.get("is_within_control").isNull()).isTrue();
  }

  @Test
  void aCapabilityIsTheSeedsCapabilityObject() {
    JsonNode capability = frame("spc.capability.analyzed").path("capability");

    assertThat(capability.propertyNames()).containsExactly("id", "product_id", "product_code", "cp", "cpk", "pp",
        "ppk", "analyzed_at");
    assertThat(capability.path("cpk").asDouble()).isEqualTo(1.70);
  }

  @ParameterizedTest
  @ValueSource(strings = {"spc.alert.acknowledged", "spc.alert.resolved", "spc.limits.frozen"})
  void whatTheSeedNeverSentIsNotSent(String type) {
    byte[] raw = example(type);
    assertThat(SpcFrames.frame(event(type, raw))).isNull();
  }

  private static JsonNode frame(String type) {
    return frame(type, example(type));
  }

  private static JsonNode frame(String type, byte[] raw) {
    return JSON.readTree(SpcFrames.frame(event(type, raw)));
  }

  private static StreamEvent event(String type, byte[] raw) {
    JsonNode event = JSON.readTree(raw);
    return new StreamEvent(new Position("spc.products.v1", 0, 5), raw, event.path("id").asString(), type, "1",
        Instant.parse(event.path("time").asString()), List.of("spc:alerts"), Priority.HIGH, null, null);
  }

  private static byte[] example(String type) {
    try (InputStream in = SpcFramesTests.class.getClassLoader().getResourceAsStream("examples/" + type + ".json")) {
      assertThat(in).as("the contract's example of " + type).isNotNull();
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

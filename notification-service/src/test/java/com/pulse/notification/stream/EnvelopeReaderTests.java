package com.pulse.notification.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EnvelopeReaderTests {

  private static final Position AT = new Position("ocs.orders.v1", 1, 7);
  private static final Instant RECORD_TIME = Instant.parse("2030-01-01T00:00:00Z");

  private final EnvelopeReader reader = new EnvelopeReader();

  @Test
  void readsTheContractsExampleEvent() throws IOException {
    byte[] example;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("examples/ocs.order.created.json")) {
      example = in.readAllBytes();
    }

    StreamEvent event = reader.read(AT, example, RECORD_TIME);

    assertThat(event.id()).isEqualTo("4f1c2a0e-7b7e-4c59-9a55-5f3d8c1e2b10");
    assertThat(event.type()).isEqualTo("ocs.order.created");
    assertThat(event.subject()).isEqualTo("0b6f9a52-61d4-4f4e-8f0c-2d7f3c9a1e44");
    assertThat(event.time()).isEqualTo(Instant.parse("2026-11-22T09:15:02.123Z"));
    assertThat(event.data("doctorId")).isEqualTo("dr.kim");
    assertThat(event.data("jobRole")).isEqualTo("RIS");
    assertThat(event.data("version")).isEqualTo("1");
    assertThat(event.data("workerId")).isNull();
    assertThat(event.json()).isSameAs(example);
    assertThat(event.position()).isEqualTo(AT);
  }

  @Test
  void nestedPayloadMembersAreSkippedNotRead() {
    StreamEvent event = read("{\"id\":\"1\",\"type\":\"t\",\"data\":{\"a\":{\"doctorId\":\"x\"},\"b\":[1,{\"c\":2}],"
        + "\"doctorId\":\"dr.lee\",\"flag\":true}}");

    assertThat(event.data()).containsOnlyKeys("doctorId", "flag");
    assertThat(event.data("flag")).isEqualTo("true");
  }

  @Test
  void anEventWithoutAReadableTimeTakesTheRecordTimestamp() {
    assertThat(read("{\"id\":\"1\",\"type\":\"t\"}").time()).isEqualTo(RECORD_TIME);
    assertThat(read("{\"id\":\"1\",\"type\":\"t\",\"time\":\"yesterday\"}").time()).isEqualTo(RECORD_TIME);
    assertThat(read("{\"id\":\"1\",\"type\":\"t\",\"time\":\"2026-11-22T18:15:02.5+09:00\"}").time())
        .isEqualTo(Instant.parse("2026-11-22T09:15:02.5Z"));
  }

  @Test
  void recordsThatCannotBeEmbeddedAsAnEventAreRefused() {
    for (String bad : new String[] {"", "not json", "[1,2]", "\"text\"", "{\"id\":\"1\",\"type\":\"t\"",
        "{\"id\":\"1\",\"type\":\"t\"} trailing", "{\"id\":\"1\",\"type\":\"t\"}{}", "{\"type\":\"t\"}",
        "{\"id\":1,\"type\":\"t\"}", "{\"id\":\"1\",\"type\":\"t\",\"data\":{\"a\":}}"}) {
      assertThatThrownBy(() -> read(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }

  private StreamEvent read(String json) {
    return reader.read(AT, json.getBytes(StandardCharsets.UTF_8), RECORD_TIME);
  }
}

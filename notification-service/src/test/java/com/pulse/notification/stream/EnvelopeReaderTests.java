package com.pulse.notification.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulse.events.Priority;
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
    assertThat(event.audience()).containsExactly("ocs:all", "ocs:doctor:dr.kim", "ocs:job:RIS");
    assertThat(event.priority()).isEqualTo(Priority.NORMAL);
    assertThat(event.title()).isEqualTo("RIS order CT-HEAD: requested");
    assertThat(event.summary()).isEqualTo("Patient P-1001 · ordered by dr.kim");
    assertThat(event.json()).isSameAs(example);
    assertThat(event.position()).isEqualTo(AT);
  }

  @Test
  void thePayloadIsNeverReadOnlyTheProducersAnnouncement() {
    // an audience inside data is payload, not the envelope's: it routes nothing
    StreamEvent event = read("{\"id\":\"1\",\"type\":\"t\",\"data\":{\"audience\":\"ocs:all\",\"priority\":\"HIGH\"},"
        + "\"audience\":\"user:a,,user:b,user:a\",\"priority\":\"CRITICAL\",\"title\":\"T\"}");

    assertThat(event.audience()).containsExactly("user:a", "user:b");
    assertThat(event.priority()).isEqualTo(Priority.CRITICAL);
    assertThat(event.title()).isEqualTo("T");
    assertThat(event.summary()).isNull();
  }

  @Test
  void noAudienceIsNobodyAndAnUnknownPriorityIsNormal() {
    StreamEvent event = read("{\"id\":\"1\",\"type\":\"t\",\"priority\":\"URGENT\",\"audience\":7}");

    assertThat(event.audience()).isEmpty();
    assertThat(event.priority()).isEqualTo(Priority.NORMAL);
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

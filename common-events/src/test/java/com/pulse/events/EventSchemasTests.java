package com.pulse.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventSchemasTests {

  private final EventSchemas schemas = new EventSchemas();

  @ParameterizedTest
  @EnumSource(EventType.class)
  void everyTypeShipsASchemaAndAnExampleThatMeetsIt(EventType type) throws IOException {
    assertThat(getClass().getClassLoader().getResource(type.schemaResource())).as(type.schemaResource()).isNotNull();

    assertThat(schemas.violations(example(type))).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void topicsAreNamedDomainAggregateMajor(EventType type) {
    assertThat(type.topic()).matches("[a-z]+\\.[a-z]+\\.v[0-9]+");
    assertThat(type.type()).startsWith(type.topic().substring(0, type.topic().indexOf('.') + 1));
  }

  @Test
  void reportsAMissingEnvelopeAttribute() throws IOException {
    String broken = new String(example(EventType.OCS_ORDER_CREATED), StandardCharsets.UTF_8)
        .replace("\"subject\"", "\"subjekt\"");

    assertThat(schemas.violations(broken.getBytes(StandardCharsets.UTF_8)))
        .anySatisfy(v -> assertThat(v).startsWith("envelope").contains("subject"));
  }

  @Test
  void reportsASequenceThatIsNotZeroPadded() throws IOException {
    String broken = new String(example(EventType.OCS_ORDER_CREATED), StandardCharsets.UTF_8)
        .replace("\"0000000000000000001\"", "\"1\"");

    assertThat(schemas.violations(broken.getBytes(StandardCharsets.UTF_8)))
        .anySatisfy(v -> assertThat(v).contains("sequence"));
  }

  @Test
  void reportsAPayloadThatBreaksItsSchema() throws IOException {
    String broken = new String(example(EventType.OCS_ORDER_CREATED), StandardCharsets.UTF_8)
        .replace("\"jobRole\": \"RIS\"", "\"jobRole\": \"XRAY\"");

    assertThat(schemas.violations(broken.getBytes(StandardCharsets.UTF_8)))
        .anySatisfy(v -> assertThat(v).startsWith("data").contains("jobRole"));
  }

  @Test
  void reportsAnUnknownTypeAndAMismatchedDataschema() throws IOException {
    String unknown = new String(example(EventType.OCS_ORDER_CREATED), StandardCharsets.UTF_8)
        .replace("\"type\": \"ocs.order.created\"", "\"type\": \"ocs.order.exploded\"");

    assertThat(schemas.violations(unknown.getBytes(StandardCharsets.UTF_8)))
        .anySatisfy(v -> assertThat(v).contains("unknown event type 'ocs.order.exploded'"));
  }

  @Test
  void reportsBytesThatAreNotJson() {
    assertThat(schemas.violations("{nope".getBytes(StandardCharsets.UTF_8)))
        .singleElement()
        .satisfies(v -> assertThat(v).startsWith("not JSON"));
  }

  private byte[] example(EventType type) throws IOException {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("examples/" + type.type() + ".json")) {
      assertThat(in).as("example for " + type.type()).isNotNull();
      return in.readAllBytes();
    }
  }
}

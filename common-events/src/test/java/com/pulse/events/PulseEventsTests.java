package com.pulse.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PulseEventsTests {

  private static final byte[] ORDER =
      """
      {"orderId":"0b6f9a52-61d4-4f4e-8f0c-2d7f3c9a1e44","patientId":"P-1","doctorId":"dr.kim","jobRole":"LIS",
       "orderCode":"CBC","priority":"STAT","notes":null,"status":"REQUESTED","workerId":null,"version":1,
       "createdAt":"2026-11-22T09:15:02.118Z"}"""
          .getBytes(StandardCharsets.UTF_8);

  private final EventSchemas schemas = new EventSchemas();

  private PulseEvents.Draft created() {
    return PulseEvents.event(EventType.OCS_ORDER_CREATED)
        .source(URI.create("/pulse/ocs-service"))
        .subject("0b6f9a52-61d4-4f4e-8f0c-2d7f3c9a1e44")
        .sequence(1)
        .announce(Announcement.to("ocs:all", "ocs:doctor:dr.kim", "ocs:job:LIS").withPriority(Priority.HIGH)
            .titled("URGENT LIS order CBC: requested", "Patient P-1001 · ordered by dr.kim"))
        .data(ORDER);
  }

  @Test
  void writesEveryAttributeAndReadsItBack() {
    UUID id = UUID.randomUUID();
    Instant time = Instant.parse("2026-11-22T09:15:02.123Z");
    String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    CloudEvent read =
        PulseEvents.deserialize(PulseEvents.serialize(created().id(id).time(time).traceparent(traceparent).build()));

    assertThat(read.getId()).isEqualTo(id.toString());
    assertThat(read.getSpecVersion().toString()).isEqualTo("1.0");
    assertThat(read.getType()).isEqualTo("ocs.order.created");
    assertThat(read.getSource()).isEqualTo(URI.create("/pulse/ocs-service"));
    assertThat(read.getSubject()).isEqualTo("0b6f9a52-61d4-4f4e-8f0c-2d7f3c9a1e44");
    assertThat(read.getTime().toInstant()).isEqualTo(time);
    assertThat(read.getDataSchema()).isEqualTo(URI.create("urn:pulse:schema:ocs.order.created:v1"));
    assertThat(read.getExtension("traceparent")).isEqualTo(traceparent);
    assertThat(read.getExtension("sequence")).isEqualTo("0000000000000000001");
    assertThat(PulseEvents.sequenceOf(read)).isEqualTo(1);
    assertThat(new String(read.getData().toBytes(), StandardCharsets.UTF_8)).contains("\"orderCode\":\"CBC\"");
    assertThat(read.getExtension("audience")).isEqualTo("ocs:all,ocs:doctor:dr.kim,ocs:job:LIS");
    assertThat(read.getExtension("priority")).isEqualTo("HIGH");
    assertThat(read.getExtension("title")).isEqualTo("URGENT LIS order CBC: requested");
    assertThat(read.getExtension("summary")).isEqualTo("Patient P-1001 · ordered by dr.kim");
  }

  @Test
  void anUntitledAnnouncementWritesNoTitleOrSummary() {
    CloudEvent event = created().announce(Announcement.to("ocs:all")).build();

    assertThat(event.getExtensionNames()).doesNotContain("title", "summary").contains("audience", "priority");
    assertThat(event.getExtension("priority")).isEqualTo("NORMAL");
  }

  @Test
  void anEventWithoutAnAudienceIsRefused() {
    assertThatThrownBy(() -> created().announce(null).build()).hasMessageContaining("audience");
    assertThatThrownBy(() -> created().announce(Announcement.to((String) null)).build())
        .hasMessageContaining("audience");
  }

  @Test
  void aChannelTheCatalogDoesNotDeclareBreaksTheContract() {
    byte[] event = PulseEvents.serialize(created().announce(Announcement.to("ocs:all", "ocs:job:XRAY")).build());

    assertThat(schemas.violations(event)).singleElement().asString()
        .contains("ocs:job:XRAY is not a channel of the catalog");
  }

  @Test
  void writesDataAsAJsonObjectNotBase64() {
    String json = new String(PulseEvents.serialize(created().build()), StandardCharsets.UTF_8);

    assertThat(json).contains("\"data\":{").doesNotContain("data_base64");
  }

  @Test
  void builtEventsMeetTheirSchemas() {
    assertThat(schemas.violations(PulseEvents.serialize(created().build()))).isEmpty();
  }

  @Test
  void replacesAMissingOrMalformedTraceparentWithAFreshOne() {
    CloudEvent none = created().build();
    CloudEvent malformed = created().traceparent("not-a-trace").build();

    assertThat(PulseEvents.isValidTraceparent((String) none.getExtension("traceparent"))).isTrue();
    assertThat(PulseEvents.isValidTraceparent((String) malformed.getExtension("traceparent"))).isTrue();
    assertThat(none.getExtension("traceparent")).isNotEqualTo(malformed.getExtension("traceparent"));
  }

  @Test
  void refusesAnEventWithoutItsRequiredAttributes() {
    assertThatThrownBy(() -> PulseEvents.event(EventType.OCS_ORDER_CREATED).sequence(1).data(ORDER).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("source");
    assertThatThrownBy(() -> created().subject(" ").build()).hasMessageContaining("subject");
    assertThatThrownBy(() -> created().data(new byte[0]).build()).hasMessageContaining("data");
    assertThatThrownBy(() -> created().sequence(0).build()).hasMessageContaining("sequence starts at 1");
  }

  @Test
  void refusesBytesThatAreNotACloudEvent() {
    assertThatThrownBy(() -> PulseEvents.deserialize("{\"hello\":1}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

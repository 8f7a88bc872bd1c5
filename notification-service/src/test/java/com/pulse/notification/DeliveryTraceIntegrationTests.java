package com.pulse.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pulse.notification.OrderEvents.Sent;
import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestUser;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * The trace that began with the command ends at the sockets: delivering an event (intake to the members' send
 * queues) is a span whose parent is the event's {@code traceparent}, the span of the service that wrote it.
 */
@PulseIntegrationTest
class DeliveryTraceIntegrationTests {

  @LocalServerPort int port;
  @Autowired InMemorySpanExporter spans;

  @Test
  void deliveringAnEventContinuesTheTraceItCarries() throws Exception {
    try (SocketClient admin = SocketClient.connected(port, TestUser.ADMIN.token());
        OrderEvents kafka = new OrderEvents()) {
      Sent sent = kafka.publish("dr.kim", "RIS");
      admin.next(frame -> frame.path("event").path("subject").asString().equals(sent.orderId()));
      String[] traceparent = JsonMapper.builder().build().readTree(sent.value()).path("traceparent").asString()
          .split("-");

      SpanData delivery = await().atMost(Duration.ofSeconds(20)).until(() -> spans.getFinishedSpanItems().stream()
          .filter(span -> span.getName().equals("pulse.delivery") && span.getTraceId().equals(traceparent[1]))
          .findFirst(), Optional::isPresent).orElseThrow();

      assertThat(delivery.getParentSpanId()).isEqualTo(traceparent[2]);
      assertThat(delivery.getKind()).isEqualTo(SpanKind.CONSUMER);
      assertThat(delivery.getAttributes().get(AttributeKey.stringKey("messaging.message.id")))
          .isEqualTo(sent.eventId());
      assertThat(delivery.getAttributes().get(AttributeKey.stringKey("messaging.destination.name")))
          .isEqualTo(sent.metadata().topic());
    }
  }
}

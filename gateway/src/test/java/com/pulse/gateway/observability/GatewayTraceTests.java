package com.pulse.gateway.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pulse.gateway.GatewayTestBase;
import com.pulse.testsupport.TestUser;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * With tracing on (here without an endpoint, spans kept in memory), a request is a server span of the gateway, a
 * child of the caller's {@code traceparent} or the root of a new trace, and the service behind it receives the
 * gateway span's context, so the service's span is the gateway's child. A context of its own: every other test runs
 * with tracing off (RequestIdTests: the caller's context goes downstream unchanged and there is no tracer).
 */
@TestPropertySource(properties = {"pulse.tracing.enabled=true",
    "management.opentelemetry.tracing.export.schedule-delay=100ms"})
class GatewayTraceTests extends GatewayTestBase {

  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String CALLER_SPAN = "00f067aa0ba902b7";

  @Autowired InMemorySpanExporter spans;

  @Test
  void theServiceReceivesTheGatewaysServerSpanAChildOfTheCallers() {
    String seen = proxied("00-" + TRACE_ID + "-" + CALLER_SPAN + "-01");

    assertThat(seen).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01").doesNotContain(CALLER_SPAN);
    SpanData gateway = exported(seen.split("-")[2]);
    assertThat(gateway.getKind()).isEqualTo(SpanKind.SERVER);
    assertThat(gateway.getTraceId()).isEqualTo(TRACE_ID);
    assertThat(gateway.getParentSpanId()).isEqualTo(CALLER_SPAN);
  }

  @Test
  void withoutACallersContextTheGatewaysSpanStartsTheTrace() {
    String seen = proxied(null);

    assertThat(seen).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    SpanData gateway = exported(seen.split("-")[2]);
    assertThat(gateway.getKind()).isEqualTo(SpanKind.SERVER);
    assertThat(gateway.getTraceId()).isEqualTo(seen.split("-")[1]);
    assertThat(gateway.getParentSpanContext().isValid()).as("a root span").isFalse();
  }

  /** The {@code traceparent} the stand-in ocs-service received for a proxied call. */
  private String proxied(String traceparent) {
    WebTestClient.RequestHeadersSpec<?> request = http().get().uri("/api/ocs/orders/7")
        .header("Authorization", "Bearer " + tokenFor(TestUser.DR_KIM));
    if (traceparent != null) {
      request = request.header("traceparent", traceparent);
    }
    String seen = request.exchange().expectStatus().isOk().returnResult(String.class).getResponseHeaders()
        .getFirst("X-Seen-Traceparent");
    assertThat(seen).isNotNull();
    return seen;
  }

  private SpanData exported(String spanId) {
    return await().atMost(Duration.ofSeconds(10)).until(() -> spans.getFinishedSpanItems().stream()
        .filter(span -> span.getSpanId().equals(spanId)).findFirst(), Optional::isPresent).orElseThrow();
  }

  @TestConfiguration(proxyBeanMethods = false)
  static class CapturedSpans {

    @Bean
    InMemorySpanExporter inMemorySpanExporter() {
      return InMemorySpanExporter.create();
    }
  }
}

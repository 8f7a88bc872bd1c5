package com.pulse.gateway.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.gateway.GatewayTestBase;
import com.pulse.testsupport.TestUser;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;

class RequestIdTests extends GatewayTestBase {

  @Autowired ApplicationContext context;

  @Test
  void withTracingOffTheGatewayHasNoTracerSoRequestsPayNothingForIt() {
    assertThat(context.getBeanProvider(Tracer.class).getIfAvailable()).isNull();
    assertThat(context.getBeansOfType(ObservationHandler.class).values())
        .noneMatch(handler -> handler.getClass().getName().startsWith("io.micrometer.tracing"));
  }

  @Test
  void aCallersRequestIdAndTraceContextAreEchoedAndSentDownstream() {
    String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    HttpHeaders headers = http().get().uri("/api/ocs/orders/7")
        .header("Authorization", "Bearer " + tokenFor(TestUser.DR_KIM))
        .header("X-Request-Id", "ward-7:req.42")
        .header("traceparent", traceparent)
        .exchange()
        .expectStatus().isOk()
        .returnResult(String.class).getResponseHeaders();

    assertThat(headers.getFirst("X-Request-Id")).isEqualTo("ward-7:req.42");
    assertThat(headers.getFirst("X-Seen-Request-Id")).isEqualTo("ward-7:req.42");
    assertThat(headers.getFirst("X-Seen-Traceparent")).isEqualTo(traceparent);
  }

  @Test
  void withoutThemTheGatewayMakesBoth() {
    HttpHeaders headers = http().get().uri("/api/ocs/orders/8")
        .header("Authorization", "Bearer " + tokenFor(TestUser.DR_KIM))
        .exchange()
        .expectStatus().isOk()
        .returnResult(String.class).getResponseHeaders();

    String id = headers.getFirst("X-Request-Id");
    assertThat(id).matches("[0-9a-f]{32}");
    assertThat(headers.getFirst("X-Seen-Request-Id")).isEqualTo(id);
    assertThat(headers.getFirst("X-Seen-Traceparent")).matches("00-" + id + "-[0-9a-f]{16}-01");
  }

  @Test
  void anUnacceptableRequestIdIsReplacedAndErrorsCarryOneToo() {
    String id = http().get().uri("/no/such/path")
        .header("X-Request-Id", "<script>")
        .exchange()
        .expectStatus().isUnauthorized()
        .returnResult(String.class).getResponseHeaders().getFirst("X-Request-Id");

    assertThat(id).matches("[0-9a-f]{32}");
  }
}

package com.pulse.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.events.PulseEvents;
import com.pulse.events.Topics;
import com.pulse.platform.PlatformTestApplication.Widgets;
import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestInfrastructure;
import com.pulse.testsupport.TestUser;
import com.pulse.testsupport.TopicReader;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * An event joins the trace of what caused it: the request's {@code traceparent} (as the gateway sends it) or a span
 * the code started reaches the event on Kafka. Tracing is in its default state here (no OTLP endpoint: nothing
 * recorded or exported), which is what keeps the trace flowing at no cost.
 */
@PulseIntegrationTest
class EventTraceTests {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String CALLER_SPAN = "00f067aa0ba902b7";

  @LocalServerPort int port;
  @Autowired Widgets widgets;
  @Autowired Tracer tracer;

  private TopicReader reader;

  @BeforeEach
  void openReader() {
    reader = TopicReader.atEnd(TestInfrastructure.shared().orElseThrow().kafkaBootstrapServers(), Topics.OCS_ORDERS);
  }

  @AfterEach
  void closeReader() {
    reader.close();
  }

  @Test
  void theEventOfARequestCarriesTheCallersTraceparentWhileThisServiceRecordsNothing() throws Exception {
    HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/test/widgets/announced"))
        .header("Authorization", TestUser.DR_KIM.bearer()).header("Content-Type", "application/json")
        .header("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN + "-01")
        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"CT-HEAD\",\"color\":\"RED\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    String id = JsonMapper.builder().build().readTree(created.body()).path("id").asString();

    // no span of this service is recorded: naming one would break the caller's trace and clear its sampled flag
    assertThat(traceparentOf(id)).isEqualTo("00-" + TRACE_ID + "-" + CALLER_SPAN + "-01");
  }

  @Test
  void anEventAppendedInsideASpanCarriesThatSpan() {
    Span span = tracer.nextSpan().name("test.command").start();
    UUID id;
    try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
      id = widgets.create("MRI-KNEE", "dr.kim", false);
    } finally {
      span.end();
    }

    String[] traceparent = traceparentOf(id.toString()).split("-");

    assertThat(traceparent[1]).isEqualTo(span.context().traceId());
    assertThat(traceparent[2]).isEqualTo(span.context().spanId());
  }

  @Test
  void outsideAnySpanAnEventStartsATraceOfItsOwn() {
    UUID first = widgets.create("XR-CHEST", "dr.kim", false);
    UUID second = widgets.create("XR-CHEST", "dr.kim", false);

    String firstTrace = traceparentOf(first.toString()).split("-")[1];
    String secondTrace = traceparentOf(second.toString()).split("-")[1];

    assertThat(firstTrace).matches("[0-9a-f]{32}").isNotEqualTo(secondTrace);
  }

  private String traceparentOf(String aggregateId) {
    ConsumerRecord<String, byte[]> record = reader.await(1, r -> r.key().equals(aggregateId), WAIT).getFirst();
    Object traceparent = PulseEvents.deserialize(record.value()).getExtension(PulseEvents.TRACEPARENT);
    assertThat(traceparent).isInstanceOf(String.class);
    assertThat(PulseEvents.isValidTraceparent((String) traceparent)).as("%s", traceparent).isTrue();
    return (String) traceparent;
  }
}

package com.pulse.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.events.EventHeaders;
import com.pulse.testsupport.PulseInfrastructureExtension;
import com.pulse.testsupport.TestInfrastructure;
import com.pulse.testsupport.TopicReader;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The relay's publish of an event is a span whose parent is the trace context stored with the event (the span of the
 * command that wrote it), and the Kafka record carries the publish span; with tracing off the record carries the
 * stored context and nothing is recorded. A real broker; the tracer is OpenTelemetry's SDK sampling as the services
 * do with an endpoint (parent-based), its spans kept in memory.
 */
@ExtendWith(PulseInfrastructureExtension.class)
class PublishTraceTests {

  private static final String TOPIC = "outbox.trace.test.v1";
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String COMMAND_SPAN = "00f067aa0ba902b7";
  private static final Duration WAIT = Duration.ofSeconds(20);

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final SdkTracerProvider provider = SdkTracerProvider.builder()
      .setSampler(Sampler.parentBased(Sampler.alwaysOn()))
      .addSpanProcessor(SimpleSpanProcessor.create(spans)).build();

  @AfterEach
  void closeTracer() {
    provider.close();
  }

  @Test
  void publishingAnEventIsASpanUnderTheStoredTraceparentAndTheRecordCarriesIt() throws Exception {
    PendingEvent row = row("00-" + TRACE_ID + "-" + COMMAND_SPAN + "-01");

    ConsumerRecord<String, byte[]> record = publish(row, tracing());

    SpanData publish = spans.getFinishedSpanItems().stream()
        .filter(span -> span.getName().equals(PublishTracing.SPAN)).findFirst().orElseThrow();
    assertThat(publish.getTraceId()).isEqualTo(TRACE_ID);
    assertThat(publish.getParentSpanId()).isEqualTo(COMMAND_SPAN);
    assertThat(publish.getKind()).isEqualTo(SpanKind.PRODUCER);
    assertThat(publish.getAttributes().get(AttributeKey.stringKey("messaging.message.id")))
        .isEqualTo(row.eventId().toString());
    assertThat(publish.getAttributes().get(AttributeKey.stringKey("messaging.destination.name"))).isEqualTo(TOPIC);
    assertThat(header(record)).isEqualTo("00-" + TRACE_ID + "-" + publish.getSpanId() + "-01");
  }

  @Test
  void anUnsampledTraceAndTracingOffLeaveTheStoredTraceparentAndRecordNothing() throws Exception {
    String unsampled = "00-" + TRACE_ID + "-" + COMMAND_SPAN + "-00";
    String sampled = "00-" + TRACE_ID + "-" + COMMAND_SPAN + "-01";

    assertThat(header(publish(row(unsampled), tracing()))).isEqualTo(unsampled);
    assertThat(header(publish(row(sampled), PublishTracing.OFF))).isEqualTo(sampled);
    assertThat(PublishTracing.of(micrometerTracer(), propagator(), "always-off").on())
        .as("the sampler tracing's defaults choose without an endpoint").isFalse();
    assertThat(spans.getFinishedSpanItems()).isEmpty();
  }

  private ConsumerRecord<String, byte[]> publish(PendingEvent row, PublishTracing tracing) throws Exception {
    String bootstrap = TestInfrastructure.shared().orElseThrow().kafkaBootstrapServers();
    try (TopicReader reader = TopicReader.atEnd(bootstrap, TOPIC);
        OutboxPublisher publisher = OutboxPublisher.create(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), () -> { }, tracing)) {
      assertThat(publisher.publish(List.of(row)).complete()).isTrue();
      return reader.await(1, r -> r.key().equals(row.key()), WAIT).getFirst();
    }
  }

  private PublishTracing tracing() {
    return PublishTracing.of(micrometerTracer(), propagator(), null);
  }

  private OtelTracer micrometerTracer() {
    return new OtelTracer(otelTracer(), new OtelCurrentTraceContext(), event -> { });
  }

  private OtelPropagator propagator() {
    return new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otelTracer());
  }

  private Tracer otelTracer() {
    return provider.get("pulse-outbox-test");
  }

  private static String header(ConsumerRecord<String, byte[]> record) {
    return new String(record.headers().lastHeader(EventHeaders.TRACEPARENT).value(), StandardCharsets.UTF_8);
  }

  private static PendingEvent row(String traceparent) {
    UUID id = UUID.randomUUID();
    return new PendingEvent(1, id, TOPIC, "trace-" + id, "test.happened", 1, "{}".getBytes(StandardCharsets.UTF_8),
        traceparent, Instant.now());
  }
}

package com.pulse.platform.tracing;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Tracing is off unless an OTLP endpoint is configured: {@code pulse.tracing.otlp-endpoint} (the services'
 * {@code PULSE_OTLP_ENDPOINT}) or Spring Boot's own {@code management.opentelemetry.tracing.export.otlp.endpoint}.
 *
 * <ul>
 *   <li>With an endpoint: Boot's OTLP exporter gets it (Boot creates the exporter whenever its endpoint property is
 *       present, even empty, so it is set here only when there is one) and every new trace is sampled, unless
 *       {@code management.tracing.sampling.probability} says otherwise; a trace the caller sampled is followed.</li>
 *   <li>Without: the sampler is {@code always-off}. Trace context still flows (the request's {@code traceparent}
 *       reaches the events it causes as it came, see the outbox's {@code TraceparentSource}), but no span is recorded
 *       or exported, which costs next to nothing per request.</li>
 * </ul>
 * Below the service's own configuration, which may override each of these.
 */
public final class TracingDefaults implements EnvironmentPostProcessor {

  public static final String PULSE_ENDPOINT = "pulse.tracing.otlp-endpoint";
  public static final String BOOT_ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";
  static final String SOURCE = "pulseTracingDefaults";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.getPropertySources().contains(SOURCE)) {
      environment.getPropertySources().addLast(new MapPropertySource(SOURCE, defaults(
          environment.getProperty(PULSE_ENDPOINT), environment.getProperty(BOOT_ENDPOINT))));
    }
  }

  static Map<String, Object> defaults(String pulseEndpoint, String bootEndpoint) {
    if (StringUtils.hasText(bootEndpoint)) {
      return Map.of("management.tracing.sampling.probability", "1.0");
    }
    if (StringUtils.hasText(pulseEndpoint)) {
      return Map.of(BOOT_ENDPOINT, pulseEndpoint.strip(), "management.tracing.sampling.probability", "1.0");
    }
    return Map.of("management.opentelemetry.tracing.sampler", "always-off");
  }
}

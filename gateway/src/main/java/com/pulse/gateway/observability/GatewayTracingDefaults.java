package com.pulse.gateway.observability;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * The gateway traces only when spans have somewhere to go: an OTLP endpoint ({@code pulse.tracing.otlp-endpoint},
 * i.e. {@code PULSE_OTLP_ENDPOINT}, or Boot's {@code management.opentelemetry.tracing.export.otlp.endpoint}), or
 * {@code pulse.tracing.enabled=true} (spans for an exporter of one's own, as in tests).
 *
 * <ul>
 *   <li>On: the request's server observation becomes a server span, a child of the caller's {@code traceparent},
 *       every new trace sampled unless {@code management.tracing.sampling.probability} says otherwise;
 *       {@link RequestIdFilter} sends the span's context downstream, so the service's span is its child.</li>
 *   <li>Off (the default): Boot's tracing auto-configuration is left out altogether, so no tracing handler joins the
 *       request's observation and a request costs what it did without tracing; the caller's {@code traceparent}
 *       (or one made here) goes downstream unchanged.</li>
 * </ul>
 * Unlike the services' defaults (platform's {@code TracingDefaults}: tracing wired, sampler always-off), nothing of
 * tracing runs per request here when it is off: the gateway's CPU per request is the suite's tightest budget.
 */
public final class GatewayTracingDefaults implements EnvironmentPostProcessor {

  static final String PULSE_ENDPOINT = "pulse.tracing.otlp-endpoint";
  static final String BOOT_ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";
  static final String ENABLED = "pulse.tracing.enabled";
  static final String EXCLUDE = "spring.autoconfigure.exclude";
  static final String SOURCE = "pulseGatewayTracingDefaults";
  /** Boot's tracing: the tracer, its observation handlers, the OTLP span exporter. */
  static final List<String> TRACING = List.of(
      "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
      "org.springframework.boot.micrometer.tracing.autoconfigure.NoopTracerAutoConfiguration",
      "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
      "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration");

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (environment.getPropertySources().contains(SOURCE)) {
      return;
    }
    String pulseEndpoint = environment.getProperty(PULSE_ENDPOINT);
    String bootEndpoint = environment.getProperty(BOOT_ENDPOINT);
    boolean on = environment.getProperty(ENABLED, Boolean.class,
        StringUtils.hasText(pulseEndpoint) || StringUtils.hasText(bootEndpoint));
    if (on) {
      // below the gateway's own configuration, which may override them
      environment.getPropertySources().addLast(new MapPropertySource(SOURCE, on(pulseEndpoint, bootEndpoint)));
    } else {
      // above it: the exclusions configured elsewhere are kept in the list
      List<String> excluded = Binder.get(environment).bind(EXCLUDE, String[].class).map(List::of).orElse(List.of());
      environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, off(excluded)));
    }
  }

  static Map<String, Object> on(String pulseEndpoint, String bootEndpoint) {
    Map<String, Object> defaults = new HashMap<>();
    defaults.put("management.tracing.sampling.probability", "1.0");
    if (!StringUtils.hasText(bootEndpoint) && StringUtils.hasText(pulseEndpoint)) {
      // Boot makes its exporter whenever this property is present, even empty: set only when there is one
      defaults.put(BOOT_ENDPOINT, pulseEndpoint.strip());
    }
    return defaults;
  }

  static Map<String, Object> off(List<String> excluded) {
    List<String> all = new ArrayList<>(excluded);
    TRACING.stream().filter(c -> !all.contains(c)).forEach(all::add);
    return Map.of(EXCLUDE, String.join(",", all));
  }
}

package com.pulse.gateway.observability;

import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ObservabilityConfiguration {

  /** With a tracer (GatewayTracingDefaults: only when tracing is on) the server span's context goes downstream. */
  @Bean
  RequestIdFilter requestIdFilter(ObjectProvider<Tracer> tracer) {
    Tracer configured = tracer.getIfAvailable();
    return new RequestIdFilter(configured != null && configured != Tracer.NOOP);
  }

  @Bean
  TracingHeadersFilter tracingHeadersFilter() {
    return new TracingHeadersFilter();
  }

  @Bean
  @ConditionalOnProperty(name = "pulse.gateway.access-log", havingValue = "true", matchIfMissing = true)
  AccessLogFilter accessLogFilter() {
    return new AccessLogFilter();
  }
}

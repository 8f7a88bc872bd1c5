package com.pulse.gateway.observability;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ObservabilityConfiguration {

  @Bean
  RequestIdFilter requestIdFilter() {
    return new RequestIdFilter();
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

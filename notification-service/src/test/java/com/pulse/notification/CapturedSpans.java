package com.pulse.notification;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every span the shared test context ends up exporting, kept in memory for the tracing tests: a plain configuration
 * picked up by the application's component scan, so the one cached context has it (a test-only import would start a
 * second context).
 */
@Configuration(proxyBeanMethods = false)
class CapturedSpans {

  @Bean
  InMemorySpanExporter inMemorySpanExporter() {
    return InMemorySpanExporter.create();
  }
}

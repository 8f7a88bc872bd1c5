package com.pulse.gateway.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The state of every circuit breaker, as the {@code circuitBreakers} health component. Always UP: an open breaker
 * means a service behind the gateway is down, not the gateway, and must not take the gateway out of rotation.
 */
final class CircuitBreakersHealth implements HealthIndicator {

  private final CircuitBreakerRegistry registry;

  CircuitBreakersHealth(CircuitBreakerRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Health health() {
    Map<String, Object> states = new TreeMap<>();
    for (CircuitBreaker breaker : registry.getAllCircuitBreakers()) {
      CircuitBreaker.Metrics metrics = breaker.getMetrics();
      states.put(breaker.getName(), Map.of(
          "state", breaker.getState().name(),
          "failureRate", metrics.getFailureRate(),
          "bufferedCalls", metrics.getNumberOfBufferedCalls(),
          "notPermittedCalls", metrics.getNumberOfNotPermittedCalls()));
    }
    return Health.up().withDetails(states).build();
  }
}

package com.pulse.gateway.resilience;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Circuit breakers and time limits of the routes ({@code pulse.gateway.resilience.*}); a route opts in with the
 * {@code CircuitBreaker} filter, whose {@code name} picks the breaker.
 *
 * @param timeout how long a routed request may take before the client gets 504
 * @param timeouts per-breaker overrides of {@code timeout}, e.g. {@code ocs: 5s}
 * @param failureRateThreshold per cent of failed calls (of the last {@code slidingWindow}) that opens a breaker
 * @param slidingWindow calls a breaker looks back on
 * @param minimumCalls calls before a breaker judges at all
 * @param openDuration how long an open breaker answers 503 at once before it lets trial calls through
 * @param halfOpenCalls trial calls that decide whether the breaker closes again
 */
@ConfigurationProperties("pulse.gateway.resilience")
public record ResilienceProperties(
    @DefaultValue("10s") Duration timeout,
    @DefaultValue Map<String, Duration> timeouts,
    @DefaultValue("50") float failureRateThreshold,
    @DefaultValue("20") int slidingWindow,
    @DefaultValue("5") int minimumCalls,
    @DefaultValue("10s") Duration openDuration,
    @DefaultValue("3") int halfOpenCalls) {

  public ResilienceProperties {
    timeouts = Map.copyOf(timeouts);
  }

  Duration timeoutOf(String breaker) {
    return timeouts.getOrDefault(breaker, timeout);
  }
}

package com.pulse.gateway.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every circuit breaker gets the settings of {@link ResilienceProperties}; its time limit is per breaker. Spring
 * Cloud CircuitBreaker publishes breaker states as {@code resilience4j_circuitbreaker_*} metrics;
 * {@link CircuitBreakersHealth} shows them under {@code /actuator/health}.
 */
@Configuration(proxyBeanMethods = false)
class ResilienceConfiguration {

  @Bean
  Customizer<ReactiveResilience4JCircuitBreakerFactory> pulseCircuitBreakers(ResilienceProperties settings) {
    CircuitBreakerConfig breaker = CircuitBreakerConfig.custom()
        .failureRateThreshold(settings.failureRateThreshold())
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(settings.slidingWindow())
        .minimumNumberOfCalls(settings.minimumCalls())
        .waitDurationInOpenState(settings.openDuration())
        .permittedNumberOfCallsInHalfOpenState(settings.halfOpenCalls())
        .automaticTransitionFromOpenToHalfOpenEnabled(true)
        .build();
    return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
        .circuitBreakerConfig(breaker)
        .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(settings.timeoutOf(id)).build())
        .build());
  }

  @Bean
  CircuitBreakersHealth circuitBreakersHealthIndicator(ReactiveResilience4JCircuitBreakerFactory breakers) {
    return new CircuitBreakersHealth(breakers.getCircuitBreakerRegistry());
  }
}

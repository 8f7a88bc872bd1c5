package com.pulse.notification.dialect;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The journey dialect's REST calls to journey-service, as the caller (their own token): {@code GET /api/journey/me}
 * and {@code POST /api/journey/me/actions}, the same calls a front-end's HTTP fallback makes. Each has a timeout and
 * goes through one circuit breaker: when journey-service keeps failing or is slow, calls fail at once for a while
 * instead of piling up. Refusals (4xx) are answers, not failures.
 */
@Component
final class JourneyCalls {

  private static final JsonMapper JSON = JsonMapper.shared();

  private final WebClient http;
  private final JourneyProperties properties;
  private final CircuitBreaker breaker;

  JourneyCalls(JourneyProperties properties) {
    this.properties = properties;
    this.http = WebClient.builder().baseUrl(properties.url().toString()).build();
    this.breaker = CircuitBreaker.of("journey", CircuitBreakerConfig.custom()
        .slidingWindowSize(10)
        .minimumNumberOfCalls(5)
        .failureRateThreshold(50)
        .waitDurationInOpenState(properties.openFor())
        .recordException(e -> !(e instanceof WebClientResponseException r && r.getStatusCode().is4xxClientError()))
        .build());
  }

  /** Where the caller is: the {@code /me} shape. */
  Mono<Result> me(String token) {
    return call(http.get().uri("/api/journey/me"), token);
  }

  /** Performs the caller's action: the {@code /me} shape after it, or the problem why not. */
  Mono<Result> act(String token, String actionType, JsonNode payload) {
    ObjectNode body = JSON.createObjectNode().put("action_type", actionType);
    if (payload != null && !payload.isNull()) {
      body.set("payload", payload);
    }
    return call(http.post().uri("/api/journey/me/actions").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(JSON.writeValueAsString(body)), token);
  }

  private Mono<Result> call(WebClient.RequestHeadersSpec<?> request, String token) {
    return request.headers(h -> h.setBearerAuth(token)).retrieve().bodyToMono(String.class)
        .timeout(properties.timeout())
        .transformDeferred(CircuitBreakerOperator.of(breaker))
        .map(body -> new Result(200, JSON.readTree(body)))
        .onErrorResume(WebClientResponseException.class, e -> Mono.just(new Result(e.getStatusCode().value(),
            problem(e))))
        .onErrorResume(e -> Mono.just(new Result(503, unavailable(e))));
  }

  private static JsonNode problem(WebClientResponseException e) {
    try {
      return JSON.readTree(e.getResponseBodyAsString());
    } catch (RuntimeException notJson) {
      return JSON.createObjectNode().put("status", e.getStatusCode().value()).put("detail", e.getStatusText());
    }
  }

  private static JsonNode unavailable(Throwable e) {
    String detail = e instanceof CallNotPermittedException
        ? "journey-service is failing; not asked again for a few seconds. Try again shortly."
        : "journey-service did not answer in time; try again shortly.";
    return JSON.createObjectNode().put("status", 503).put("title", "Service Unavailable").put("detail", detail);
  }

  /**
   * @param status 200, the problem's status, or 503 when journey-service could not be asked
   * @param body the {@code /me} shape, or the problem
   */
  record Result(int status, JsonNode body) {

    boolean ok() {
      return status == 200;
    }
  }
}

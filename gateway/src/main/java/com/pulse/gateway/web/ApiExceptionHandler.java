package com.pulse.gateway.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * Every error of an annotated endpoint (and of a request no handler matched) as {@code application/problem+json}:
 * Spring's standard mapping, with plain messages instead of the parser's or the dispatcher's internals.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  static final String UNREADABLE_BODY = "The request body is not valid JSON of the expected shape.";

  @Override
  protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException failure,
      HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
    if (failure.getCause() != null) {
      failure.getBody().setDetail(UNREADABLE_BODY);
    }
    return super.handleServerWebInputException(failure, headers, status, exchange);
  }

  /** Also reached when no handler matches at all (404), since WebFlux lets controller advice handle that. */
  @Override
  protected Mono<ResponseEntity<Object>> handleResponseStatusException(ResponseStatusException failure,
      HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
    failure.getBody().setDetail(GatewayErrorHandler.detail(failure));
    return super.handleResponseStatusException(failure, headers, status, exchange);
  }
}

package com.pulse.gateway.web;

import java.io.IOException;
import java.net.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;

/**
 * Errors outside the gateway's own controllers as problem details: no route (404), a service that refuses
 * connections or whose circuit breaker is open (503, one log line, no stack trace), a timeout (504) or any other
 * status the gateway raised, a connection the service dropped (502), and everything unexpected (500, logged with
 * its stack trace). Runs before Spring Boot's HTML/JSON error handler.
 */
@Component
@Order(-2)
class GatewayErrorHandler implements ErrorWebExceptionHandler {

  static final String NOT_FOUND = "No such endpoint.";
  static final String SERVICE_UNAVAILABLE = "The service behind this route is unavailable; retry shortly.";
  static final String GATEWAY_TIMEOUT = "The service behind this route did not answer in time.";
  static final String BAD_GATEWAY = "The service behind this route closed the connection without an answer.";

  private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

  private final ProblemWriter problems;

  GatewayErrorHandler(ProblemWriter problems) {
    this.problems = problems;
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
    if (exchange.getResponse().isCommitted()) {
      return Mono.error(failure);
    }
    if (failure instanceof ResponseStatusException status) {
      return problems.write(exchange, status.getStatusCode(), detail(status));
    }
    if (failure instanceof ServiceUnavailableException) {
      // the route's circuit breaker is open: answered at once, and not logged per request
      return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, SERVICE_UNAVAILABLE);
    }
    if (failure instanceof ConnectException) {
      log.warn("{} {} via route {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
          routeId(exchange), failure.getMessage());
      return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, SERVICE_UNAVAILABLE);
    }
    if (failure instanceof PrematureCloseException || failure instanceof IOException) {
      log.warn("{} {} via route {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
          routeId(exchange), failure.getMessage());
      return problems.write(exchange, HttpStatus.BAD_GATEWAY, BAD_GATEWAY);
    }
    log.error("{} {} failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), failure);
    return problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected error in the gateway.");
  }

  /** The reason given, or a plain sentence for the status; never framework internals. */
  static String detail(ResponseStatusException failure) {
    HttpStatusCode status = failure.getStatusCode();
    if (status.value() == HttpStatus.NOT_FOUND.value()) {
      return NOT_FOUND;
    }
    // the time limiter's own message names framework internals
    if (status.value() == HttpStatus.GATEWAY_TIMEOUT.value()) {
      return GATEWAY_TIMEOUT;
    }
    return failure.getReason() != null ? failure.getReason() : failure.getBody().getTitle();
  }

  private static String routeId(ServerWebExchange exchange) {
    Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
    return route == null ? "(none)" : route.getId();
  }
}

package com.pulse.gateway.web;

import com.pulse.problems.ProblemTexts;
import com.pulse.problems.reactive.ProblemWebExceptionHandler;
import java.io.IOException;
import java.net.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;

/**
 * Errors outside the gateway's own controllers as problem details: the shared rules ({@link
 * ProblemWebExceptionHandler}: a status the gateway raised — a time limit as 504 —, no route as 404, anything
 * unexpected a logged 500) plus the routing failures only a gateway has — a service that refuses connections or
 * whose circuit breaker is open (503, one log line, no stack trace), a connection the service dropped (502). Runs
 * before Spring Boot's HTML/JSON error handler.
 */
@Component
@Order(ProblemWebExceptionHandler.ORDER)
class GatewayErrorHandler extends ProblemWebExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

  GatewayErrorHandler(ProblemWriter problems) {
    super(problems);
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
    if (exchange.getResponse().isCommitted()) {
      return Mono.error(failure);
    }
    if (failure instanceof ServiceUnavailableException) {
      // the route's circuit breaker is open: answered at once, and not logged per request
      return problems().write(exchange, HttpStatus.SERVICE_UNAVAILABLE, ProblemTexts.ROUTE_UNAVAILABLE);
    }
    if (failure instanceof ConnectException) {
      log.warn("{} {} via route {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
          routeId(exchange), failure.getMessage());
      return problems().write(exchange, HttpStatus.SERVICE_UNAVAILABLE, ProblemTexts.ROUTE_UNAVAILABLE);
    }
    if (failure instanceof PrematureCloseException || failure instanceof IOException) {
      log.warn("{} {} via route {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
          routeId(exchange), failure.getMessage());
      return problems().write(exchange, HttpStatus.BAD_GATEWAY, ProblemTexts.ROUTE_CLOSED);
    }
    return super.handle(exchange, failure);
  }

  private static String routeId(ServerWebExchange exchange) {
    Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
    return route == null ? "(none)" : route.getId();
  }
}

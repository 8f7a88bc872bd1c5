package com.pulse.gateway.security;

import com.pulse.gateway.web.ProblemWriter;
import com.pulse.problems.ProblemTexts;
import org.springframework.http.HttpStatus;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * CORS as Spring's {@code CorsWebFilter} does it, except for the refusal: a request from an origin that is not
 * allowlisted gets a 403 problem saying so, where Spring's filter ends the response with no body at all.
 */
final class ProblemCorsFilter implements WebFilter {

  private final CorsConfigurationSource source;
  private final CorsProcessor processor = new DefaultCorsProcessor();
  private final ProblemWriter problems;

  ProblemCorsFilter(CorsConfigurationSource source, ProblemWriter problems) {
    this.source = source;
    this.problems = problems;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    CorsConfiguration configuration = source.getCorsConfiguration(exchange);
    if (!processor.process(configuration, exchange)) {
      return problems.write(exchange, HttpStatus.FORBIDDEN, ProblemTexts.CROSS_ORIGIN_REFUSED);
    }
    return CorsUtils.isPreFlightRequest(exchange.getRequest()) ? Mono.empty() : chain.filter(exchange);
  }
}

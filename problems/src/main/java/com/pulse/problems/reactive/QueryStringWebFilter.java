package com.pulse.problems.reactive;

import com.pulse.problems.FieldProblem;
import com.pulse.problems.Problems;
import com.pulse.problems.RequestTargets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a request whose path or query parameters hold control characters, unpaired surrogates or broken
 * percent-encoding: 400 naming each parameter, before a controller binds it or it is proxied on. Runs before token
 * validation, like a firewall: the security chain decodes the path to match it, and a path that cannot be decoded
 * would fail there as a 500.
 */
public final class QueryStringWebFilter implements WebFilter, Ordered {

  /** Before Spring Security's chain (-100). */
  public static final int ORDER = -110;

  private final ReactiveProblems problems;

  public QueryStringWebFilter(ReactiveProblems problems) {
    this.problems = problems;
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    List<FieldProblem> refused = new ArrayList<>();
    RequestTargets.pathProblem(exchange.getRequest().getURI().getRawPath()).ifPresent(refused::add);
    refused.addAll(RequestTargets.queryProblems(exchange.getRequest().getURI().getRawQuery()));
    return refused.isEmpty() ? chain.filter(exchange) : problems.write(exchange, Problems.invalid(refused));
  }
}

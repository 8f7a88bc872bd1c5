package com.pulse.problems.reactive;

import com.pulse.problems.Problems;
import java.net.URI;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem straight to the response, for code that runs outside annotated controllers (security filters,
 * web filters, routing errors). Same JSON as a controller's {@code ProblemDetail}, {@code instance} the path.
 * Open for the gateway, whose filters know it as {@code ProblemWriter}.
 */
public class ReactiveProblems {

  private final JsonMapper json;

  public ReactiveProblems(JsonMapper json) {
    this.json = json;
  }

  public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String detail) {
    return write(exchange, Problems.of(status, detail));
  }

  public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
    if (problem.getInstance() == null) {
      problem.setInstance(instance(exchange));
    }
    ServerHttpResponse response = exchange.getResponse();
    response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    byte[] body = json.writeValueAsBytes(problem);
    response.getHeaders().setContentLength(body.length);
    return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
  }

  /** The path as sent; not decoded, since a path that cannot be decoded may be what is being refused. */
  static URI instance(ServerWebExchange exchange) {
    try {
      return URI.create(exchange.getRequest().getURI().getRawPath());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}

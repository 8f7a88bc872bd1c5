package com.pulse.problems.reactive;

import com.pulse.problems.FieldProblem;
import com.pulse.problems.JsonInputProblems;
import com.pulse.problems.Problems;
import com.pulse.problems.StandardDetails;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import reactor.core.publisher.Mono;

/**
 * Every error of a reactive service's controllers (and of a request no handler matched) as
 * {@code application/problem+json}, whatever the endpoint produces: an event stream's 400 is a problem, not an event.
 * Spring's standard mapping, reworded by {@link StandardDetails}; unreadable bodies name the field
 * ({@link JsonInputProblems}). Register it with {@code @Import}. Nothing here catches every exception: WebFlux hands
 * this advice the errors of every handler, the gateway's routes included, and those (a service that is down, an
 * unexpected failure) are {@link ProblemWebExceptionHandler}'s to answer.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ReactiveApiExceptionHandler extends ResponseEntityExceptionHandler {

  @Override
  protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException failure,
      HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
    return createResponseEntity(ReactiveInputProblems.of(failure), headers, status, exchange);
  }

  @Override
  protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException failure,
      HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
    return createResponseEntity(Problems.invalid(failure.getFieldErrors().stream()
        .map(field -> new FieldProblem(field.getField(), field.getDefaultMessage())).toList()), headers, status,
        exchange);
  }

  @Override
  protected Mono<ResponseEntity<Object>> handleMethodNotAllowedException(MethodNotAllowedException failure,
      HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
    return reworded(failure.getBody(), headers, status, exchange);
  }

  @Override
  protected Mono<ResponseEntity<Object>> handleNotAcceptableStatusException(NotAcceptableStatusException failure,
      HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
    return reworded(failure.getBody(), headers, status, exchange);
  }

  @Override
  protected Mono<ResponseEntity<Object>> handleUnsupportedMediaTypeStatusException(
      UnsupportedMediaTypeStatusException failure, HttpHeaders headers, HttpStatusCode status,
      ServerWebExchange exchange) {
    return reworded(failure.getBody(), headers, status, exchange);
  }

  /**
   * Also reached when no handler matches at all (404), and for the gateway's routing statuses: WebFlux lets
   * controller advice handle every handler's errors.
   */
  @Override
  protected Mono<ResponseEntity<Object>> handleResponseStatusException(ResponseStatusException failure,
      HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
    failure.getBody().setDetail(ProblemWebExceptionHandler.detail(failure));
    return createResponseEntity(failure.getBody(), headers, status, exchange);
  }

  /** Every problem leaves as {@code application/problem+json}, with the path as {@code instance}. */
  @Override
  protected Mono<ResponseEntity<Object>> createResponseEntity(Object body, HttpHeaders headers,
      HttpStatusCode status, ServerWebExchange exchange) {
    if (!(body instanceof ProblemDetail problem)) {
      return super.createResponseEntity(body, headers, status, exchange);
    }
    if (problem.getInstance() == null) {
      problem.setInstance(ReactiveProblems.instance(exchange));
    }
    HttpHeaders typed = new HttpHeaders();
    typed.putAll(headers);
    typed.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    return super.createResponseEntity(problem, typed, status, exchange);
  }

  private Mono<ResponseEntity<Object>> reworded(ProblemDetail problem, HttpHeaders headers, HttpStatusCode status,
      ServerWebExchange exchange) {
    problem.setDetail(StandardDetails.reword(status, headers, problem.getDetail()));
    return createResponseEntity(problem, headers, status, exchange);
  }
}

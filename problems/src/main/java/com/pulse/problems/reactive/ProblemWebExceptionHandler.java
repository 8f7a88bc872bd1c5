package com.pulse.problems.reactive;

import com.pulse.problems.ProblemTexts;
import com.pulse.problems.StandardDetails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Errors outside controllers (a web filter, the security chain, a handler that is not a controller) as problems,
 * before Spring Boot's own handler (order -1) would answer them with its {@code timestamp/path/error} JSON or HTML.
 * A status the code raised keeps its reason; anything else is a logged 500 without internals. Register it as a bean
 * with {@link #ORDER}; the gateway extends the same rules with its routing failures.
 */
public class ProblemWebExceptionHandler implements WebExceptionHandler {

  /** Before Boot's {@code DefaultErrorWebExceptionHandler} (-1). */
  public static final int ORDER = -2;

  private static final Logger log = LoggerFactory.getLogger(ProblemWebExceptionHandler.class);

  private final ReactiveProblems problems;

  public ProblemWebExceptionHandler(ReactiveProblems problems) {
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
    log.error("{} {} failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), failure);
    return problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, ProblemTexts.INTERNAL);
  }

  /**
   * The reason Pulse's code gave (a plain {@link ResponseStatusException} with a reason), or Pulse's sentence for
   * the status: a framework's own exception types ("Unable to find instance for ocs", "No static resource …") and
   * its 404, 500, 502 and 504 reasons (a time limiter's message) name its internals.
   */
  public static String detail(ResponseStatusException failure) {
    int status = failure.getStatusCode().value();
    boolean ours = failure.getClass() == ResponseStatusException.class && failure.getReason() != null;
    if (!ours || status == 404 || status == 500 || status == 502 || status == 504) {
      return StandardDetails.forStatus(status);
    }
    return failure.getReason();
  }

  protected ReactiveProblems problems() {
    return problems;
  }
}

package com.pulse.notification.preference;

import java.util.List;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebInputException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;

/**
 * RFC 9457 answers for bad input to the inbox and preference endpoints, naming the field in {@code errors}
 * ({@code [{"field":…,"message":…}]}). Nothing is changed by a refused request.
 */
@RestControllerAdvice(basePackages = {"com.pulse.notification.inbox", "com.pulse.notification.preference"})
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestProblems {

  @ExceptionHandler(InvalidRequestException.class)
  ProblemDetail invalid(InvalidRequestException e) {
    return problem(e.getMessage(), e.problems());
  }

  /** A body that is not JSON, or JSON of the wrong shape ({@code "mutedTypes":"x"}). */
  @ExceptionHandler(ServerWebInputException.class)
  ProblemDetail unreadable(ServerWebInputException e) {
    Throwable cause = e.getMostSpecificCause();
    Optional<String> field = cause instanceof DatabindException databind && !databind.getPath().isEmpty()
        ? Optional.of(path(databind)) : Optional.empty();
    if (field.isPresent()) {
      String message = "'" + field.get() + "' has the wrong type";
      return problem(message, List.of(new FieldProblem(field.get(), message)));
    }
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        cause instanceof StreamReadException ? "Malformed JSON"
            : "The request body is missing or is not the JSON this endpoint expects.");
    problem.setTitle("Unreadable request");
    return problem;
  }

  private static ProblemDetail problem(String detail, List<FieldProblem> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setTitle("Invalid request");
    problem.setProperty("errors", errors);
    return problem;
  }

  private static String path(DatabindException e) {
    StringBuilder path = new StringBuilder();
    for (var reference : e.getPath()) {
      if (reference.getPropertyName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }
}

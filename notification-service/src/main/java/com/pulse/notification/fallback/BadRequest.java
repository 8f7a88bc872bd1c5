package com.pulse.notification.fallback;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** RFC 9457 answers naming the offending request field, rendered by Spring's problem details support. */
final class BadRequest {

  private BadRequest() {}

  static ErrorResponseException field(String field, String message) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid fields: " + field);
    problem.setTitle("Invalid request");
    problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
    return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
  }

  static ErrorResponseException forbidden(String channel) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
        "You may not read channel " + channel + ".");
    problem.setTitle("Forbidden");
    return new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
  }
}

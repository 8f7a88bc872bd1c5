package com.pulse.problems;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * RFC 9457 problem details as every Pulse service writes them: {@code title} (the status's reason phrase unless
 * given), {@code status}, {@code detail}, and for bad input {@code errors}, one {@link FieldProblem} per field. Throw
 * {@link #exception} from a controller; Spring renders it with the request path as {@code instance}.
 */
public final class Problems {

  public static final String INVALID_REQUEST = "Invalid request";

  private Problems() {}

  public static ProblemDetail of(HttpStatusCode status, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    HttpStatus known = HttpStatus.resolve(status.value());
    problem.setTitle(known != null ? known.getReasonPhrase() : "Error " + status.value());
    return problem;
  }

  /**
   * 400 naming each field. The detail quotes the one problem when there is one ({@code 'size' must be an integer}),
   * else lists the fields.
   */
  public static ProblemDetail invalid(List<FieldProblem> errors) {
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("an invalid request names at least one field");
    }
    String detail = errors.size() == 1 ? describe(errors.getFirst())
        : ProblemTexts.INVALID_FIELDS.formatted(String.join(", ",
            errors.stream().map(FieldProblem::field).distinct().toList()));
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setTitle(INVALID_REQUEST);
    problem.setProperty("errors", List.copyOf(errors));
    return problem;
  }

  public static ProblemDetail invalid(String field, String message) {
    return invalid(List.of(new FieldProblem(field, message)));
  }

  /** {@code 'field' message}, the way a detail quotes one field's problem. */
  public static String describe(FieldProblem problem) {
    return "'" + problem.field() + "' " + problem.message();
  }

  /** 403 with a reason more precise than {@link ProblemTexts#FORBIDDEN}. */
  public static ErrorResponseException forbidden(String detail) {
    return exception(of(HttpStatus.FORBIDDEN, detail));
  }

  /** The problem as an exception a controller throws; its status is the problem's. */
  public static ErrorResponseException exception(ProblemDetail problem) {
    return new ErrorResponseException(HttpStatusCode.valueOf(problem.getStatus()), problem, null);
  }
}

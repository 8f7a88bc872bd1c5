package com.pulse.problems;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A request refused for the fields it names: 400 with one {@link FieldProblem} per field. Code that checks a request
 * collects every problem first, so the client learns all of them at once; callers (and tests) can read them back.
 */
public class InvalidFieldsException extends ErrorResponseException {

  private final List<FieldProblem> problems;

  public InvalidFieldsException(List<FieldProblem> problems) {
    super(HttpStatus.BAD_REQUEST, Problems.invalid(problems), null);
    this.problems = List.copyOf(problems);
  }

  public InvalidFieldsException(String field, String message) {
    this(List.of(new FieldProblem(field, message)));
  }

  public List<FieldProblem> problems() {
    return problems;
  }

  @Override
  public String getMessage() {
    return getBody().getDetail();
  }
}

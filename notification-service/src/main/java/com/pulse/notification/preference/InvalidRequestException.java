package com.pulse.notification.preference;

import java.util.List;

/** A request that names invalid fields; answered with 400 and one {@link FieldProblem} per field. */
public class InvalidRequestException extends RuntimeException {

  private final List<FieldProblem> problems;

  public InvalidRequestException(List<FieldProblem> problems) {
    super("Invalid fields: " + String.join(", ", problems.stream().map(FieldProblem::field).distinct().toList()));
    this.problems = List.copyOf(problems);
  }

  public InvalidRequestException(String field, String message) {
    this(List.of(new FieldProblem(field, message)));
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}

package com.pulse.platform.web;

import com.pulse.problems.Echo;
import com.pulse.problems.FieldProblem;
import com.pulse.problems.Problems;
import com.pulse.problems.TypeDescriptions;
import java.util.List;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * Binding results and type mismatches as problems: one entry per field, and a value that could not be converted
 * explained in words, never with the converter's exception text.
 */
final class BindingProblems {

  private BindingProblems() {}

  static ProblemDetail of(BindingResult result) {
    List<FieldProblem> errors = result.getFieldErrors().stream()
        .map(f -> new FieldProblem(f.getField(), message(f)))
        .toList();
    return Problems.invalid(errors);
  }

  private static String message(FieldError error) {
    return error.isBindingFailure() && error.contains(TypeMismatchException.class)
        ? mismatch(error.unwrap(TypeMismatchException.class))
        : error.getDefaultMessage();
  }

  /**
   * What a value should have been, from the innermost conversion that failed, so that in a list the bad element is
   * named ({@code status=REQUESTED,DONE}: "must be one of [...], got 'DONE'"). A type of the service's own that
   * {@link TypeDescriptions} only calls "an object" is converted by its {@code valueOf(String)} (or a converter)
   * whose {@code IllegalArgumentException} says what it expects, and that message is the answer.
   */
  static String mismatch(TypeMismatchException e) {
    Class<?> type = e.getRequiredType();
    Object value = e.getValue();
    Throwable reason = e.getCause();
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof ConversionFailedException failed) {
        type = failed.getTargetType().getType();
        value = failed.getValue();
        reason = failed.getCause();
      }
    }
    if (type != null && !type.isEnum() && !type.getName().startsWith("java.")
        && reason instanceof IllegalArgumentException explained && explained.getMessage() != null) {
      return explained.getMessage();
    }
    return "must be " + TypeDescriptions.of(type) + ", got '" + Echo.of(value) + "'";
  }
}

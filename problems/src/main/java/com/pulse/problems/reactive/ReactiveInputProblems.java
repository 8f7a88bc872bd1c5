package com.pulse.problems.reactive;

import com.pulse.problems.Echo;
import com.pulse.problems.JsonInputProblems;
import com.pulse.problems.Problems;
import com.pulse.problems.TypeDescriptions;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ServerWebInputException;

/**
 * What a reactive controller could not read, named: a body (by {@link JsonInputProblems}), a missing parameter or
 * header, or one of the wrong type ({@code 'limit' must be an integer, got 'x'}).
 */
final class ReactiveInputProblems {

  private ReactiveInputProblems() {}

  static ProblemDetail of(ServerWebInputException failure) {
    if (failure instanceof MissingRequestValueException missing) {
      return Problems.invalid(missing.getName(), "is required");
    }
    if (failure.getCause() instanceof TypeMismatchException mismatch) {
      return Problems.invalid(name(mismatch, failure.getMethodParameter()), "must be "
          + TypeDescriptions.of(mismatch.getRequiredType()) + ", got '" + Echo.of(mismatch.getValue()) + "'");
    }
    if (failure.getCause() != null) {
      return JsonInputProblems.of(failure.getCause());
    }
    // a check of the controller's own, with its reason (e.g. "Missing required field(s): username")
    return failure.getBody();
  }

  private static String name(TypeMismatchException mismatch, MethodParameter parameter) {
    if (mismatch.getPropertyName() != null) {
      return mismatch.getPropertyName();
    }
    return parameter != null && parameter.getParameterName() != null ? parameter.getParameterName() : "parameter";
  }
}

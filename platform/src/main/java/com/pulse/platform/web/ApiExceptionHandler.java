package com.pulse.platform.web;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Problem details for everything a request can get wrong. Spring's own exceptions keep their status; bodies that
 * cannot be read, fields that fail validation and values that cannot be converted are named, with one entry per
 * field in {@code errors}, in words a client understands (never an exception's text or a Java class name).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
  /** How a value of a common type is described in "must be ..., got '...'". */
  private static final Map<Class<?>, String> TYPE_NAMES = Map.of(Integer.class, "an integer", int.class,
      "an integer", Long.class, "an integer", long.class, "an integer", java.util.UUID.class, "a UUID",
      Boolean.class, "true or false", boolean.class, "true or false", String.class, "a string");

  /** One invalid field: which, and why. */
  public record FieldProblem(String field, String message) {}

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return ResponseEntity.badRequest().body(invalid(e.getBindingResult()));
  }

  /**
   * Errors a handler collected itself, e.g. query parameters bound to a {@code @ModelAttribute} record with a
   * {@code BindingResult} beside it, plus checks of its own, thrown as {@code new BindException(bindingResult)}.
   */
  @ExceptionHandler(BindException.class)
  ProblemDetail bindingFailed(BindException e) {
    return invalid(e.getBindingResult());
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, unreadable(e));
    problem.setTitle("Unreadable request body");
    fieldOf(e).ifPresent(field -> problem.setProperty("errors", List.of(new FieldProblem(field, problem.getDetail()))));
    return ResponseEntity.badRequest().body(problem);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "'" + e.getName() + "' " + mismatch(e));
    problem.setTitle("Invalid parameter");
    problem.setProperty("errors", List.of(new FieldProblem(e.getName(), problem.getDetail())));
    return problem;
  }

  @ExceptionHandler(OptimisticLockingFailureException.class)
  ProblemDetail concurrentChange(OptimisticLockingFailureException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
        "Someone else changed this resource at the same moment; reload it and try again.");
    problem.setTitle("Concurrent change");
    return problem;
  }

  /** A role check inside a handler: the same 403 the security filter gives. */
  @ExceptionHandler(AccessDeniedException.class)
  ProblemDetail forbidden(AccessDeniedException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
        e.getMessage() == null || e.getMessage().isBlank() ? "Your role does not allow this." : e.getMessage());
    problem.setTitle("Forbidden");
    return problem;
  }

  /** Anything unexpected: logged here with its stack, answered without internals. */
  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    log.error("Unhandled error", e);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
        "The request failed on the server; it has been logged.");
    problem.setTitle("Internal error");
    return problem;
  }

  private static ProblemDetail invalid(BindingResult result) {
    List<FieldProblem> errors = result.getFieldErrors().stream()
        .map(f -> new FieldProblem(f.getField(), message(f)))
        .toList();
    String fields = String.join(", ", errors.stream().map(FieldProblem::field).distinct().toList());
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid fields: " + fields);
    problem.setTitle("Invalid request");
    problem.setProperty("errors", errors);
    return problem;
  }

  /** A field's message; a value that could not be converted is explained, not answered with the exception's text. */
  private static String message(FieldError error) {
    return error.isBindingFailure() && error.contains(TypeMismatchException.class)
        ? mismatch(error.unwrap(TypeMismatchException.class))
        : error.getDefaultMessage();
  }

  /**
   * What a value should have been, from the innermost conversion that failed, so that in a list the bad element is
   * named ({@code status=REQUESTED,DONE}: "must be one of [...], got 'DONE'"). Enums, numbers, booleans and UUIDs
   * are described here; a type of the service's own is converted by its {@code valueOf(String)} (or a converter)
   * whose {@code IllegalArgumentException} says what it expects, and that message is the answer.
   */
  private static String mismatch(TypeMismatchException e) {
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
    if (type != null && !described(type) && reason instanceof IllegalArgumentException explained
        && explained.getMessage() != null) {
      return explained.getMessage();
    }
    return "must be " + (type == null ? "another type" : describeType(type)) + ", got '" + value + "'";
  }

  private static String unreadable(HttpMessageNotReadableException e) {
    Throwable cause = e.getMostSpecificCause();
    if (cause instanceof InvalidFormatException invalid) {
      String field = path(invalid);
      Class<?> target = invalid.getTargetType();
      return "'" + field + "' must be " + (target == null ? "valid" : describeType(target)) + ", got '"
          + invalid.getValue() + "'";
    }
    if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
      Class<?> target = mismatched.getTargetType();
      return "'" + path(mismatched) + "' must be " + (target == null ? "of another type" : describeType(target));
    }
    if (cause instanceof StreamReadException read) {
      return "Malformed JSON" + (read.getLocation() == null ? ""
          : " at line " + read.getLocation().getLineNr() + ", column " + read.getLocation().getColumnNr());
    }
    return "The request body is missing or is not the JSON this endpoint expects.";
  }

  private static java.util.Optional<String> fieldOf(HttpMessageNotReadableException e) {
    return e.getMostSpecificCause() instanceof DatabindException databind && !databind.getPath().isEmpty()
        ? java.util.Optional.of(path(databind))
        : java.util.Optional.empty();
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

  private static boolean described(Class<?> type) {
    return type.isEnum() || TYPE_NAMES.containsKey(type);
  }

  private static String describeType(Class<?> type) {
    if (type.isEnum()) {
      return "one of " + List.of(type.getEnumConstants());
    }
    return TYPE_NAMES.getOrDefault(type, "a " + type.getSimpleName());
  }
}

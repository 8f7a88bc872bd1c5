package com.pulse.platform.web;

import com.pulse.problems.JsonInputProblems;
import com.pulse.problems.ProblemTexts;
import com.pulse.problems.Problems;
import com.pulse.problems.StandardDetails;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Problem details for everything a request can get wrong, worded as every Pulse service words them
 * ({@code com.pulse.problems}). Spring's own exceptions keep their status, in Pulse's words; bodies that cannot be
 * read and fields that fail validation are named, with one entry per field in {@code errors}; every problem leaves
 * as {@code application/problem+json} whatever the client accepts.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return createResponseEntity(BindingProblems.of(e.getBindingResult()), headers, status, request);
  }

  /**
   * Errors a handler collected itself, e.g. query parameters bound to a {@code @ModelAttribute} record with a
   * {@code BindingResult} beside it, plus checks of its own, thrown as {@code new BindException(bindingResult)}.
   */
  @ExceptionHandler(BindException.class)
  ResponseEntity<Object> bindingFailed(BindException e, WebRequest request) {
    return createResponseEntity(BindingProblems.of(e.getBindingResult()), new HttpHeaders(),
        HttpStatus.BAD_REQUEST, request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (BodySizeFilter.tooLarge(e)) {
      return createResponseEntity(ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
          ProblemTexts.CONTENT_TOO_LARGE), headers, HttpStatus.CONTENT_TOO_LARGE, request);
    }
    return createResponseEntity(JsonInputProblems.of(e), headers, status, request);
  }

  /** A path variable or parameter of the wrong type: {@code 'id' must be a UUID, got '42'}. */
  @Override
  protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    String name = e instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
        : e.getPropertyName();
    return createResponseEntity(Problems.invalid(name, BindingProblems.mismatch(e)), headers, status, request);
  }

  @Override
  protected ResponseEntity<Object> handleNoHandlerFoundException(NoHandlerFoundException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    return reworded(e.getBody(), headers, status, request);
  }

  /** Instead of "No static resource api/ocs/…": a service serves no files. */
  @Override
  protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    return reworded(e.getBody(), headers, status, request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return reworded(e.getBody(), headers, status, request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return reworded(e.getBody(), headers, status, request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return reworded(e.getBody(), headers, status, request);
  }

  @ExceptionHandler(OptimisticLockingFailureException.class)
  ResponseEntity<Object> concurrentChange(OptimisticLockingFailureException e, WebRequest request) {
    ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, ProblemTexts.CONCURRENT_CHANGE);
    problem.setTitle("Concurrent change");
    return createResponseEntity(problem, new HttpHeaders(), HttpStatus.CONFLICT, request);
  }

  /** A role check inside a handler: the same 403 the security filter gives. */
  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<Object> forbidden(AccessDeniedException e, WebRequest request) {
    ProblemDetail problem = Problems.of(HttpStatus.FORBIDDEN,
        e.getMessage() == null || e.getMessage().isBlank() ? ProblemTexts.FORBIDDEN : e.getMessage());
    return createResponseEntity(problem, new HttpHeaders(), HttpStatus.FORBIDDEN, request);
  }

  /** The firewall noticed only when the parameters were read (a form body with a control character in a name). */
  @ExceptionHandler(RequestRejectedException.class)
  ResponseEntity<Object> rejected(RequestRejectedException e, WebRequest request) {
    return createResponseEntity(Problems.of(HttpStatus.BAD_REQUEST, ProblemTexts.REJECTED_REQUEST),
        new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
  }

  /** Anything unexpected: logged here with its stack, answered without internals. */
  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
    log.error("Unhandled error", e);
    ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTexts.INTERNAL);
    problem.setTitle("Internal error");
    return createResponseEntity(problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
  }

  /** Every problem leaves as {@code application/problem+json}, with the path as {@code instance}. */
  @Override
  protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
      WebRequest request) {
    if (!(body instanceof ProblemDetail problem)) {
      return super.createResponseEntity(body, headers, status, request);
    }
    if (problem.getInstance() == null && request instanceof NativeWebRequest natives
        && natives.getNativeRequest() instanceof HttpServletRequest servlet) {
      problem.setInstance(instance(servlet.getRequestURI()));
    }
    HttpHeaders typed = new HttpHeaders();
    typed.putAll(headers);
    typed.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    return super.createResponseEntity(problem, typed, status, request);
  }

  private ResponseEntity<Object> reworded(ProblemDetail problem, HttpHeaders headers, HttpStatusCode status,
      WebRequest request) {
    problem.setDetail(StandardDetails.reword(status, headers, problem.getDetail()));
    return createResponseEntity(problem, headers, status, request);
  }

  private static URI instance(String path) {
    try {
      return URI.create(path);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}

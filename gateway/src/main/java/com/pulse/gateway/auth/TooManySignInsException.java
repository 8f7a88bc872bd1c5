package com.pulse.gateway.auth;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 429 after repeated failed sign-ins, with {@code Retry-After}; says nothing about which part was wrong. */
final class TooManySignInsException extends ErrorResponseException {

  TooManySignInsException(long retryAfterSeconds) {
    super(HttpStatus.TOO_MANY_REQUESTS, ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
        "Too many failed sign-ins; retry after the time in Retry-After."), null);
    getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
  }
}

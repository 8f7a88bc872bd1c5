package com.pulse.gateway.auth;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 401 for a wrong username or a wrong password alike: the answer never says which. */
final class InvalidCredentialsException extends ErrorResponseException {

  InvalidCredentialsException() {
    super(HttpStatus.UNAUTHORIZED,
        ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "The username or password is incorrect."), null);
  }
}

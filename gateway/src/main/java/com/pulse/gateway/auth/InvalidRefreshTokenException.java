package com.pulse.gateway.auth;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 401 for a refresh token that is unknown, already used, revoked or expired: sign in again. */
final class InvalidRefreshTokenException extends ErrorResponseException {

  InvalidRefreshTokenException() {
    super(HttpStatus.UNAUTHORIZED, ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
        "The refresh token is invalid, used or expired; sign in again."), null);
  }
}

package com.pulse.gateway.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.web.server.ServerWebInputException;

/** The body of {@code POST /auth/refresh} and (optionally) {@code POST /auth/logout}. */
record RefreshRequest(@JsonProperty("refresh_token") String refreshToken) {

  /** @throws ServerWebInputException (400) naming the missing field */
  RefreshRequest requireComplete() {
    if (refreshToken == null || refreshToken.isBlank()) {
      throw new ServerWebInputException("Missing required field(s): refresh_token");
    }
    return this;
  }

  @Override
  public String toString() {
    return "RefreshRequest[refresh_token=***]";
  }
}

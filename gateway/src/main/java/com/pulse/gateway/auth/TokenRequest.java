package com.pulse.gateway.auth;

import java.util.ArrayList;
import java.util.List;
import org.springframework.web.server.ServerWebInputException;

/** The body of {@code POST /auth/token}. */
record TokenRequest(String username, String password) {

  /** @throws ServerWebInputException (400) naming the missing fields */
  TokenRequest requireComplete() {
    List<String> missing = new ArrayList<>();
    if (username == null || username.isBlank()) {
      missing.add("username");
    }
    if (password == null || password.isEmpty()) {
      missing.add("password");
    }
    if (!missing.isEmpty()) {
      throw new ServerWebInputException("Missing required field(s): " + String.join(", ", missing));
    }
    return this;
  }

  @Override
  public String toString() {
    return "TokenRequest[username=" + username + "]";
  }
}

package com.pulse.gateway.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/** The answer of {@code POST /auth/token}, named as in OAuth 2.0 (RFC 6749, section 5.1). */
record TokenResponse(
    @JsonProperty("access_token") String accessToken,
    @JsonProperty("token_type") String tokenType,
    @JsonProperty("expires_in") long expiresIn) {

  static TokenResponse bearer(String accessToken, Duration lifetime) {
    return new TokenResponse(accessToken, "Bearer", lifetime.toSeconds());
  }
}

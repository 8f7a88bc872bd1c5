package com.pulse.gateway.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/** The answer of {@code POST /auth/token} and {@code POST /auth/refresh}, named as in OAuth 2.0 (RFC 6749, 5.1). */
record TokenResponse(
    @JsonProperty("access_token") String accessToken,
    @JsonProperty("token_type") String tokenType,
    @JsonProperty("expires_in") long expiresIn,
    @JsonProperty("refresh_token") String refreshToken,
    @JsonProperty("refresh_expires_in") long refreshExpiresIn) {

  static TokenResponse bearer(String accessToken, Duration lifetime, String refreshToken, Duration refreshLifetime) {
    return new TokenResponse(accessToken, "Bearer", lifetime.toSeconds(), refreshToken, refreshLifetime.toSeconds());
  }
}

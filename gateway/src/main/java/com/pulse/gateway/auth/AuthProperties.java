package com.pulse.gateway.auth;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token issuance settings ({@code pulse.auth.*}).
 *
 * @param issuer the {@code iss} claim of issued tokens, and the only issuer the gateway accepts
 * @param accessTokenTtl how long an access token is valid
 * @param keyFile a JWK JSON file with the RSA signing key; created when absent; blank: an in-memory key per start
 * @param users the user directory; empty outside the {@code local} profile
 * @param refreshTokenTtl how long a refresh token is valid (each use replaces it with a new one)
 * @param oidcIssuerUri production mode: trust this external OpenID Connect issuer (e.g. a Keycloak realm URL) instead
 *     of the gateway's own tokens; its keys come from its discovery document
 *     (where its tokens keep roles and the user id is {@code pulse.identity.*}, shared with every service)
 */
@ConfigurationProperties("pulse.auth")
public record AuthProperties(
    @DefaultValue("http://localhost:8080") String issuer,
    @DefaultValue("30m") Duration accessTokenTtl,
    String keyFile,
    @DefaultValue List<UserAccount> users,
    @DefaultValue("8h") Duration refreshTokenTtl,
    String oidcIssuerUri) {

  public AuthProperties {
    if (issuer == null || issuer.isBlank()) {
      throw new IllegalArgumentException("pulse.auth.issuer must be set");
    }
    if (accessTokenTtl.isNegative() || accessTokenTtl.isZero()) {
      throw new IllegalArgumentException("pulse.auth.access-token-ttl must be positive, was " + accessTokenTtl);
    }
    users = List.copyOf(users);
  }

  public boolean trustsExternalIssuer() {
    return oidcIssuerUri != null && !oidcIssuerUri.isBlank();
  }

  boolean hasKeyFile() {
    return keyFile != null && !keyFile.isBlank();
  }
}

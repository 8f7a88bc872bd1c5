package com.pulse.identity.spring;

import com.pulse.identity.Claims;
import com.pulse.identity.revocation.Revocations;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Refuses a token whose sign-in ({@code sid}) or own id ({@code jti}) was revoked. As a bean it joins the validators
 * of Spring Boot's JWT decoder in every service; the gateway adds it to its own.
 */
public final class RevocationValidator implements OAuth2TokenValidator<Jwt> {

  static final OAuth2Error REVOKED = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The access token was revoked",
      null);

  private final Revocations revocations;

  public RevocationValidator(Revocations revocations) {
    this.revocations = revocations;
  }

  @Override
  public OAuth2TokenValidatorResult validate(Jwt token) {
    return isRevoked(token) ? OAuth2TokenValidatorResult.failure(REVOKED) : OAuth2TokenValidatorResult.success();
  }

  public boolean isRevoked(Jwt token) {
    return revocations.isRevoked(token.getId(), token.getClaimAsString(Claims.SESSION_ID));
  }
}

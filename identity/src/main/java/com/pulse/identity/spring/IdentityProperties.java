package com.pulse.identity.spring;

import com.pulse.identity.ClaimMapping;
import com.pulse.identity.Claims;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where tokens keep the caller's claims ({@code pulse.identity.*}); the same in the gateway and every service.
 *
 * @param userIdClaim the claim naming the user ({@code sub})
 * @param rolesClaims dotted paths to the roles array, tried in order: Pulse's {@code roles}, then Keycloak's
 *     {@code realm_access.roles}; another OIDC issuer sets its own path here
 */
@ConfigurationProperties("pulse.identity")
public record IdentityProperties(
    @DefaultValue(Claims.SUBJECT) String userIdClaim,
    @DefaultValue({Claims.ROLES, Claims.KEYCLOAK_REALM_ROLES}) List<String> rolesClaims) {

  public ClaimMapping mapping() {
    return new ClaimMapping(userIdClaim, rolesClaims);
  }
}

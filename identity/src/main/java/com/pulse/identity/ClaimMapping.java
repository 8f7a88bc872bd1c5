package com.pulse.identity;

import java.util.List;

/**
 * Where a token keeps what {@link Caller} needs. Pulse's own tokens use the flat claims of {@link Claims}; an OIDC
 * issuer may keep roles elsewhere (Keycloak: {@code realm_access.roles}) and name users by another claim.
 *
 * @param userIdClaim the claim that holds the user id ({@code sub})
 * @param rolesClaims dotted paths to an array of role names, tried in order; the first that holds an array wins
 */
public record ClaimMapping(String userIdClaim, List<String> rolesClaims) {

  /** Pulse's own tokens, and Keycloak's realm roles when a token has no {@code roles} claim. */
  public static final ClaimMapping STANDARD =
      new ClaimMapping(Claims.SUBJECT, List.of(Claims.ROLES, Claims.KEYCLOAK_REALM_ROLES));

  public ClaimMapping {
    if (userIdClaim == null || userIdClaim.isBlank()) {
      throw new IllegalArgumentException("the user id claim must be named");
    }
    if (rolesClaims == null || rolesClaims.isEmpty()) {
      throw new IllegalArgumentException("at least one roles claim path must be named");
    }
    rolesClaims = List.copyOf(rolesClaims);
  }
}

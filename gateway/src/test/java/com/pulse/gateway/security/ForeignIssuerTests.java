package com.pulse.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import com.pulse.gateway.GatewayTestBase;
import com.pulse.identity.spring.CallerAuthenticationConverter;
import com.pulse.testsupport.TestTokens;
import com.pulse.testsupport.TestUser;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * In OIDC mode the gateway reads an external issuer's tokens with the same converter bean every service uses: a
 * Keycloak-shaped token (roles under {@code realm_access.roles}) gives the same principal and authorities as Pulse's
 * own (ocs-service and notification-service prove the same end to end in their ForeignIssuerTests).
 */
class ForeignIssuerTests extends GatewayTestBase {

  static final java.util.List<TestUser> USERS = TestUser.DEMO_USERS;

  @Autowired CallerAuthenticationConverter callers;

  @ParameterizedTest
  @FieldSource("USERS")
  void aKeycloakShapedTokenIsTheSameCaller(TestUser user) throws Exception {
    var own = callers.convert(jwt(user.token()));
    var foreign = callers.convert(jwt(TestTokens.shared().issueAsKeycloak(user)));

    assertThat(foreign.getName()).isEqualTo(own.getName()).isEqualTo(user.id());
    assertThat(foreign.getAuthorities()).map(GrantedAuthority::getAuthority)
        .containsExactlyInAnyOrderElementsOf(own.getAuthorities().stream().map(GrantedAuthority::getAuthority)
            .toList())
        .containsExactlyInAnyOrderElementsOf(user.roles().stream().map(role -> "ROLE_" + role).toList());
  }

  private static Jwt jwt(String token) throws Exception {
    var claims = SignedJWT.parse(token).getJWTClaimsSet();
    return Jwt.withTokenValue(token).header("alg", "RS256").claims(map -> map.putAll(claims.getClaims()))
        .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
  }
}

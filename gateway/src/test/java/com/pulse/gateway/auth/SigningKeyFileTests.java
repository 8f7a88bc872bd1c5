package com.pulse.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import com.pulse.gateway.GatewayTestBase;
import com.pulse.testsupport.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The running gateway's key file: created at startup, and what a restart would load again. */
class SigningKeyFileTests extends GatewayTestBase {

  @Autowired
  SigningKey signingKey;

  @Test
  void theGatewayCreatedItsKeyFileAtStartupAndServesThatKey() {
    assertThat(KEY_FILE).isRegularFile();
    assertThat(SigningKeys.read(KEY_FILE).kid()).isEqualTo(signingKey.kid());
    http().get().uri("/.well-known/jwks.json").exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.keys[0].kid").isEqualTo(signingKey.kid());
  }

  @Test
  void aRestartLoadsTheSameKeySoEarlierTokensStayValid() throws Exception {
    String issuedBeforeRestart = tokenFor(TestUser.ADMIN);

    SigningKey afterRestart = SigningKeys.loadOrCreate(KEY_FILE);

    assertThat(afterRestart.kid()).isEqualTo(signingKey.kid());
    assertThat(SignedJWT.parse(issuedBeforeRestart).verify(new RSASSAVerifier(afterRestart.publicKey()))).isTrue();
  }
}

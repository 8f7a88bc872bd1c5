package com.pulse.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulse.identity.revocation.Revocations;
import com.pulse.identity.spring.RevocationValidator;
import com.pulse.identity.spring.ValidatedTokens;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** A service verifies a token once, still refuses it the moment it is revoked, and never remembers a failure. */
class CachingJwtDecoderTests {

  private final Revocations revocations = new Revocations();
  private final AtomicInteger verified = new AtomicInteger();

  private final JwtDecoder verifying = token -> {
    verified.incrementAndGet();
    if (token.startsWith("bad")) {
      throw new BadJwtException("signature");
    }
    return Jwt.withTokenValue(token).header("alg", "RS256").subject("dr.kim").jti("jti-" + token)
        .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300)).build();
  };

  private final CachingJwtDecoder decoder =
      new CachingJwtDecoder(verifying, new ValidatedTokens(new RevocationValidator(revocations), 100));

  @Test
  void theSameTokenIsVerifiedOnce() {
    assertThat(decoder.decode("t1").getSubject()).isEqualTo("dr.kim");
    assertThat(decoder.decode("t1").getSubject()).isEqualTo("dr.kim");
    decoder.decode("t2");

    assertThat(verified).hasValue(2);
  }

  @Test
  void aRememberedTokenIsRefusedOnceRevoked() {
    decoder.decode("t1");
    revocations.revoke("jti-t1", Instant.now().plusSeconds(300));

    assertThatThrownBy(() -> decoder.decode("t1")).isInstanceOf(BadJwtException.class)
        .hasMessage(ValidatedTokens.REVOKED);
  }

  @Test
  void aFailedTokenIsVerifiedAgainEveryTime() {
    assertThatThrownBy(() -> decoder.decode("bad1")).isInstanceOf(BadJwtException.class);
    assertThatThrownBy(() -> decoder.decode("bad1")).isInstanceOf(BadJwtException.class);

    assertThat(verified).hasValue(2);
  }
}

package com.pulse.gateway.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.interfaces.RSAPublicKey;

/**
 * The RSA key pair the gateway signs tokens with (RS256), identified by its {@code kid}.
 *
 * @param jwk the key pair, private part included; never publish it, publish {@link #publicJwkSet()}
 */
public record SigningKey(RSAKey jwk) {

  public SigningKey {
    if (!jwk.isPrivate()) {
      throw new IllegalArgumentException("a signing key needs its private part");
    }
    if (jwk.getKeyID() == null) {
      throw new IllegalArgumentException("a signing key needs a kid");
    }
  }

  public String kid() {
    return jwk.getKeyID();
  }

  public RSAPublicKey publicKey() {
    try {
      return jwk.toRSAPublicKey();
    } catch (JOSEException e) {
      throw new IllegalStateException("unusable RSA public key " + kid(), e);
    }
  }

  /** The public half as a JWK Set, what {@code /.well-known/jwks.json} serves. */
  public JWKSet publicJwkSet() {
    return new JWKSet(jwk.toPublicJWK());
  }

  @Override
  public String toString() {
    return "SigningKey[kid=" + kid() + "]";
  }
}

package com.pulse.gateway.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.pulse.identity.revocation.RevocationPublisher;
import com.pulse.identity.revocation.Revocations;
import com.pulse.identity.spring.TokenProperties;
import com.pulse.identity.spring.TokenValidationAutoConfiguration;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** The signing key, the user directory and the token issuer. */
@Configuration(proxyBeanMethods = false)
class AuthConfiguration {

  private static final Logger log = LoggerFactory.getLogger(AuthConfiguration.class);

  @Bean
  SigningKey signingKey(AuthProperties auth) {
    if (auth.hasKeyFile()) {
      return SigningKeys.loadOrCreate(Path.of(auth.keyFile()));
    }
    SigningKey key = SigningKeys.generate();
    log.warn("No pulse.auth.key-file set: signing key {} lives in memory only; tokens become invalid on restart",
        key.kid());
    return key;
  }

  @Bean
  JwtEncoder jwtEncoder(SigningKey key) {
    return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key.jwk())));
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  UserDirectory userDirectory(AuthProperties auth, PasswordEncoder passwords) {
    return new UserDirectory(auth.users(), passwords);
  }

  /**
   * Revocations go to {@code pulse.revocations} (Kafka as {@code pulse.tokens.revocations.*} or
   * {@code spring.kafka.*} say) for every service; without Kafka they stay in this gateway.
   */
  @Bean
  RevocationPublisher revocationPublisher(TokenProperties tokens, Environment environment, Revocations revocations) {
    return new RevocationPublisher(TokenValidationAutoConfiguration.bootstrapServers(tokens, environment),
        revocations);
  }

  @Bean
  RefreshTokens refreshTokens(AuthProperties auth) {
    return new RefreshTokens(auth.refreshTokenTtl());
  }

  @Bean
  LoginThrottle loginThrottle(
      @org.springframework.beans.factory.annotation.Value("${pulse.auth.free-address-failures:"
          + LoginThrottle.FREE_ADDRESS_FAILURES + "}") int freeAddressFailures) {
    return new LoginThrottle(freeAddressFailures);
  }

  @Bean
  TokenIssuer tokenIssuer(JwtEncoder encoder, SigningKey key, AuthProperties auth) {
    return new TokenIssuer(encoder, key, auth.issuer(), auth.accessTokenTtl(), Clock.systemUTC());
  }
}

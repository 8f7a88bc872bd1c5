package com.pulse.gateway.security;

import com.pulse.identity.spring.ValidatedTokens;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/** Spring's reactive decoder behind {@link ValidatedTokens}: one RSA verification per token, not per request. */
final class CachingJwtDecoder implements ReactiveJwtDecoder {

  private final ReactiveJwtDecoder delegate;
  private final ValidatedTokens tokens;

  CachingJwtDecoder(ReactiveJwtDecoder delegate, ValidatedTokens tokens) {
    this.delegate = delegate;
    this.tokens = tokens;
  }

  @Override
  public Mono<Jwt> decode(String token) {
    try {
      Jwt known = tokens.remembered(token);
      if (known != null) {
        return Mono.just(known);
      }
    } catch (JwtException revoked) {
      return Mono.error(revoked);
    }
    return delegate.decode(token).handle((jwt, sink) -> {
      try {
        sink.next(tokens.validated(token, jwt));
      } catch (JwtException revoked) {
        sink.error(revoked);
      }
    });
  }
}

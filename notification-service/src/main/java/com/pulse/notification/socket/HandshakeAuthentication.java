package com.pulse.notification.socket;

import com.pulse.identity.CallerReader;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;

/**
 * Who opens a socket: the bearer token of the handshake ({@code Authorization: Bearer}, or the {@code access_token}
 * query parameter, since browsers cannot set headers on a WebSocket), checked by the same decoder as every REST call
 * (the gateway's keys, issuer, expiry). No token or a bad one refuses the handshake with 401; an unreachable key set
 * with 503, so a client retries rather than dropping its token.
 */
@Component
final class HandshakeAuthentication {

  static final String TOKEN_PARAMETER = "access_token";
  private static final String BEARER = "Bearer ";
  private static final Logger log = LoggerFactory.getLogger(HandshakeAuthentication.class);

  private final ReactiveJwtDecoder decoder;
  private final CallerReader callers;

  HandshakeAuthentication(ReactiveJwtDecoder decoder, CallerReader callers) {
    this.decoder = decoder;
    this.callers = callers;
  }

  /**
   * The caller (with the token, which the endpoint drops unless its dialect keeps it), or an error carrying the
   * {@link HandshakeRefusal}.
   */
  Mono<SocketCaller> authenticate(HttpServerRequest request) {
    String token = token(request);
    if (token == null) {
      return refused(HandshakeRefusal.tokenRequired(request.fullPath()));
    }
    return decoder.decode(token)
        .map(jwt -> new SocketCaller(callers.read(jwt.getClaims()), jwt.getExpiresAt(), token,
            SocketCaller.tokenIds(jwt)))
        .onErrorResume(BadJwtException.class, bad -> refused(HandshakeRefusal.tokenInvalid(request.fullPath())))
        // a valid signature on claims that name no user is still no caller
        .onErrorResume(IllegalArgumentException.class,
            bad -> refused(HandshakeRefusal.tokenInvalid(request.fullPath())))
        .onErrorResume(error -> !(error instanceof HandshakeRefusal.Refused), error -> {
          log.warn("Cannot check a handshake's token: {}", error.toString());
          return refused(new HandshakeRefusal(HttpResponseStatus.SERVICE_UNAVAILABLE,
              null, "The access token cannot be checked right now; retry shortly.", request.fullPath()));
        });
  }

  private static String token(HttpServerRequest request) {
    String header = request.requestHeaders().get(HttpHeaderNames.AUTHORIZATION);
    if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return header.substring(BEARER.length()).trim();
    }
    List<String> query = new QueryStringDecoder(request.uri()).parameters().get(TOKEN_PARAMETER);
    return query == null || query.isEmpty() || query.getFirst().isBlank() ? null : query.getFirst();
  }

  private static <T> Mono<T> refused(HandshakeRefusal refusal) {
    return Mono.error(new HandshakeRefusal.Refused(refusal));
  }
}

package com.pulse.gateway.auth;

import com.pulse.identity.Claims;
import com.pulse.identity.revocation.RevocationPublisher;
import com.pulse.identity.spring.TokenProperties;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sign-in ({@code POST /auth/token}, starting a sign-in: a new {@code sid}), refresh ({@code POST /auth/refresh},
 * rotating the refresh token; a reused one revokes the whole sign-in) and sign-out ({@code POST /auth/logout},
 * revoking the sign-in: every access and refresh token of it, in every service through {@code pulse.revocations}).
 */
@RestController
class TokenController {

  private static final Logger log = LoggerFactory.getLogger(TokenController.class);

  private final UserDirectory users;
  private final TokenIssuer tokens;
  private final RefreshTokens refreshTokens;
  private final RevocationPublisher revocations;
  private final LoginThrottle throttle;
  private final Duration clockSkew;

  TokenController(UserDirectory users, TokenIssuer tokens, RefreshTokens refreshTokens,
      RevocationPublisher revocations, LoginThrottle throttle, TokenProperties tokenSettings) {
    this.users = users;
    this.tokens = tokens;
    this.refreshTokens = refreshTokens;
    this.revocations = revocations;
    this.throttle = throttle;
    this.clockSkew = tokenSettings.clockSkew();
  }

  @PostMapping(path = "/auth/token", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  Mono<ResponseEntity<TokenResponse>> token(@RequestBody TokenRequest request, ServerWebExchange exchange) {
    request.requireComplete();
    String address = clientAddress(exchange);
    Duration wait = throttle.delay(request.username(), address);
    Mono<Void> slowedDown = wait.isZero() ? Mono.empty() : Mono.delay(wait).then();
    return slowedDown.then(Mono.defer(() -> users.authenticate(request.username(), request.password())))
        .doOnNext(user -> throttle.succeeded(user.username(), address))
        .switchIfEmpty(Mono.defer(() -> {
          throttle.failed(request.username(), address);
          return Mono.error(new InvalidCredentialsException());
        }))
        .onErrorMap(RejectedExecutionException.class, busy -> new ResponseStatusException(
            HttpStatus.SERVICE_UNAVAILABLE, "Too many sign-ins at once; retry shortly.", busy))
        .map(user -> tokensFor(user, UUID.randomUUID().toString()));
  }

  @PostMapping(path = "/auth/refresh", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  Mono<ResponseEntity<TokenResponse>> refresh(@RequestBody RefreshRequest request) {
    RefreshTokens.Redeemed redeemed = refreshTokens.redeem(request.requireComplete().refreshToken());
    if (redeemed.reuse()) {
      String session = redeemed.grant().sessionId();
      log.warn("A spent refresh token of {} was presented again: revoking that sign-in", redeemed.grant().username());
      return revokeSession(session).then(Mono.error(new InvalidRefreshTokenException()));
    }
    if (!redeemed.valid()) {
      return Mono.error(new InvalidRefreshTokenException());
    }
    UserAccount user = users.find(redeemed.grant().username()).orElseThrow(InvalidRefreshTokenException::new);
    return Mono.just(tokensFor(user, redeemed.grant().sessionId()));
  }

  /**
   * Needs the access token; revokes its sign-in (or, for a token without {@code sid}, the token). Answers once Kafka
   * has the revocation for every service; 503 if it cannot (the gateway itself refuses the token already).
   */
  @PostMapping(path = "/auth/logout")
  Mono<ResponseEntity<Void>> logout(@AuthenticationPrincipal Jwt accessToken,
      @RequestBody(required = false) RefreshRequest request) {
    if (request != null) {
      refreshTokens.revoke(request.refreshToken(), accessToken.getSubject());
    }
    String session = accessToken.getClaimAsString(Claims.SESSION_ID);
    Mono<Void> revoked = session != null ? revokeSession(session)
        : publish(accessToken.getId(), accessToken.getExpiresAt().plus(clockSkew));
    return revoked.thenReturn(ResponseEntity.noContent().cacheControl(CacheControl.noStore()).<Void>build());
  }

  /** Every token of the sign-in: no access token of it outlives one lifetime from now, and no refresh is left. */
  private Mono<Void> revokeSession(String session) {
    refreshTokens.revokeSession(session);
    return publish(session, Instant.now().plus(tokens.lifetime()).plus(clockSkew));
  }

  private Mono<Void> publish(String id, Instant forgetAfter) {
    // the producer may block briefly for metadata: never on an event-loop thread
    return Mono.defer(() -> Mono.fromFuture(revocations.revoke(id, forgetAfter)))
        .subscribeOn(Schedulers.boundedElastic())
        .onErrorMap(error -> !(error instanceof ResponseStatusException), error -> {
          log.error("Revocation of {} reached this gateway only: {}", id, error.toString());
          return new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
              "Signed out at the gateway, but not every service could be told yet; sign out again shortly.", error);
        });
  }

  private ResponseEntity<TokenResponse> tokensFor(UserAccount user, String session) {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(TokenResponse.bearer(tokens.issue(user, session).getTokenValue(), tokens.lifetime(),
            refreshTokens.issue(user.username(), session), refreshTokens.lifetime()));
  }

  private static String clientAddress(ServerWebExchange exchange) {
    InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
    return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
  }
}

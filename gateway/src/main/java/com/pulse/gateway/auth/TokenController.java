package com.pulse.gateway.auth;

import java.net.InetSocketAddress;
import java.util.concurrent.RejectedExecutionException;
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

/**
 * Sign-in ({@code POST /auth/token}), refresh ({@code POST /auth/refresh}, rotating the refresh token) and sign-out
 * ({@code POST /auth/logout}, revoking the refresh token and the access token).
 */
@RestController
class TokenController {

  private final UserDirectory users;
  private final TokenIssuer tokens;
  private final RefreshTokens refreshTokens;
  private final RevokedTokens revoked;
  private final LoginThrottle throttle;

  TokenController(UserDirectory users, TokenIssuer tokens, RefreshTokens refreshTokens, RevokedTokens revoked,
      LoginThrottle throttle) {
    this.users = users;
    this.tokens = tokens;
    this.refreshTokens = refreshTokens;
    this.revoked = revoked;
    this.throttle = throttle;
  }

  @PostMapping(path = "/auth/token", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  Mono<ResponseEntity<TokenResponse>> token(@RequestBody TokenRequest request, ServerWebExchange exchange) {
    request.requireComplete();
    String ip = clientIp(exchange);
    long wait = throttle.secondsToWait(request.username(), ip);
    if (wait > 0) {
      return Mono.error(new TooManySignInsException(wait));
    }
    return users.authenticate(request.username(), request.password())
        .doOnNext(user -> throttle.succeeded(user.username()))
        .switchIfEmpty(Mono.defer(() -> {
          throttle.failed(request.username(), ip);
          return Mono.error(new InvalidCredentialsException());
        }))
        .onErrorMap(RejectedExecutionException.class, busy -> new ResponseStatusException(
            HttpStatus.SERVICE_UNAVAILABLE, "Too many sign-ins at once; retry shortly.", busy))
        .map(this::tokensFor);
  }

  @PostMapping(path = "/auth/refresh", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<TokenResponse> refresh(@RequestBody RefreshRequest request) {
    String username = refreshTokens.redeem(request.requireComplete().refreshToken())
        .orElseThrow(InvalidRefreshTokenException::new);
    UserAccount user = users.find(username).orElseThrow(InvalidRefreshTokenException::new);
    return tokensFor(user);
  }

  /** Needs the access token; the refresh token in the body is optional (and only revoked if it is the caller's). */
  @PostMapping(path = "/auth/logout")
  ResponseEntity<Void> logout(@AuthenticationPrincipal Jwt accessToken,
      @RequestBody(required = false) RefreshRequest request) {
    revoked.revoke(accessToken.getId(), accessToken.getExpiresAt());
    if (request != null) {
      refreshTokens.revoke(request.refreshToken(), accessToken.getSubject());
    }
    return ResponseEntity.noContent().cacheControl(CacheControl.noStore()).build();
  }

  private ResponseEntity<TokenResponse> tokensFor(UserAccount user) {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(TokenResponse.bearer(tokens.issue(user).getTokenValue(), tokens.lifetime(),
            refreshTokens.issue(user.username()), refreshTokens.lifetime()));
  }

  private static String clientIp(ServerWebExchange exchange) {
    InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
    return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
  }
}

package com.pulse.gateway.auth;

import java.util.concurrent.RejectedExecutionException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/** {@code POST /auth/token}: username and password in, a signed access token out. */
@RestController
class TokenController {

  private final UserDirectory users;
  private final TokenIssuer tokens;

  TokenController(UserDirectory users, TokenIssuer tokens) {
    this.users = users;
    this.tokens = tokens;
  }

  @PostMapping(path = "/auth/token", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  Mono<ResponseEntity<TokenResponse>> token(@RequestBody TokenRequest request) {
    request.requireComplete();
    return users.authenticate(request.username(), request.password())
        .switchIfEmpty(Mono.error(InvalidCredentialsException::new))
        .onErrorMap(RejectedExecutionException.class, busy -> new ResponseStatusException(
            HttpStatus.SERVICE_UNAVAILABLE, "Too many sign-ins at once; retry shortly.", busy))
        .map(user -> ResponseEntity.ok()
            .cacheControl(CacheControl.noStore())
            .body(TokenResponse.bearer(tokens.issue(user).getTokenValue(), tokens.lifetime())));
  }
}

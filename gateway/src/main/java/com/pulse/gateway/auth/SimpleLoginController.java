package com.pulse.gateway.auth;

import com.pulse.gateway.routing.ServiceAddresses;
import com.pulse.identity.Role;
import com.pulse.problems.FieldProblem;
import com.pulse.problems.InvalidFieldsException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The kiosk's simple login (seed 003): {@code POST /auth/simple-login {phoneLast4, birthDate}} → a PATIENT token with
 * the patient's {@code patientId}. journey-service, which knows the patients, verifies the pair service to service
 * ({@code /internal/journey/simple-login}, which the gateway never routes) with a SERVICE token the gateway signs
 * for itself. Throttled like the password login, per pair and per address. Several patients matching → 409 (the
 * kiosk asks for the full number); none → 401 without saying which part was wrong. No refresh token: a kiosk session
 * is short, and the user directory does not know these patients.
 */
@RestController
class SimpleLoginController {

  /** How long the gateway waits for journey-service before telling the kiosk to try again. */
  static final Duration VERIFY_TIMEOUT = Duration.ofSeconds(3);

  private static final UserAccount GATEWAY =
      new UserAccount("gateway", null, "Pulse gateway", List.of(Role.SERVICE.name()), null, null, null, null);

  private final TokenIssuer tokens;
  private final LoginThrottle throttle;
  private final ServiceAddresses services;
  private final WebClient http = WebClient.create();

  SimpleLoginController(TokenIssuer tokens, LoginThrottle throttle, ServiceAddresses services) {
    this.tokens = tokens;
    this.throttle = throttle;
    this.services = services;
  }

  @PostMapping(path = "/auth/simple-login", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  Mono<ResponseEntity<TokenResponse>> login(@RequestBody SimpleLoginRequest request, ServerWebExchange exchange) {
    request.requireComplete();
    String key = "simple:" + request.phoneLast4() + "/" + request.birthDate();
    String ip = clientIp(exchange);
    // guessing is slowed down per pair and per address (LoginThrottle), never refused outright
    Duration wait = throttle.delay(key, ip);
    Mono<Void> slowedDown = wait.isZero() ? Mono.empty() : Mono.delay(wait).then();
    return slowedDown.then(Mono.defer(() -> verify(request, key, ip)));
  }

  private Mono<ResponseEntity<TokenResponse>> verify(SimpleLoginRequest request, String key, String ip) {
    return http.post().uri(journey().resolve("/internal/journey/simple-login"))
        .headers(h -> h.setBearerAuth(tokens.issue(GATEWAY, "gateway").getTokenValue()))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("phoneLast4", request.phoneLast4(), "birthDate", request.birthDate().toString()))
        .retrieve()
        .bodyToMono(Match.class)
        .timeout(VERIFY_TIMEOUT)
        .doOnNext(match -> throttle.succeeded(key, ip))
        .map(match -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(TokenResponse.bearer(
            tokens.issue(new UserAccount(match.userId(), null, match.name(), List.of(Role.PATIENT.name()), null,
                match.patientId(), null, null), UUID.randomUUID().toString()).getTokenValue(), tokens.lifetime(), null, Duration.ZERO)))
        .onErrorMap(WebClientResponseException.class, e -> switch (e.getStatusCode().value()) {
          case 404 -> {
            throttle.failed(key, ip);
            yield new InvalidCredentialsException();
          }
          case 409 -> problem(HttpStatus.CONFLICT,
              "Several patients match these digits and birth date; sign in with the full phone number at the desk.");
          default -> unavailable();
        })
        // journey-service down, slow or answering nonsense: the kiosk may retry; nothing else is said
        .onErrorMap(e -> !(e instanceof ErrorResponseException), e -> unavailable());
  }

  private URI journey() {
    List<URI> urls = services.services().get("journey");
    if (urls == null || urls.isEmpty()) {
      throw unavailable();
    }
    return urls.get(ThreadLocalRandom.current().nextInt(urls.size()));
  }

  private static ErrorResponseException unavailable() {
    return problem(HttpStatus.SERVICE_UNAVAILABLE, "The patient directory cannot be reached; try again shortly.");
  }

  private static ErrorResponseException problem(HttpStatus status, String detail) {
    return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
  }

  private static String clientIp(ServerWebExchange exchange) {
    InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
    return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
  }

  /** What journey-service answers for the one matching patient. */
  record Match(String patientId, String userId, String name) {}

  /** What the kiosk sends. */
  record SimpleLoginRequest(String phoneLast4, LocalDate birthDate) {

    SimpleLoginRequest requireComplete() {
      List<FieldProblem> problems = new ArrayList<>();
      if (phoneLast4 == null || !phoneLast4.matches("[0-9]{4}")) {
        problems.add(new FieldProblem("phoneLast4", "must be the last four digits of the phone number"));
      }
      if (birthDate == null) {
        problems.add(new FieldProblem("birthDate", "is required (YYYY-MM-DD)"));
      }
      if (!problems.isEmpty()) {
        throw new InvalidFieldsException(problems);
      }
      return this;
    }
  }
}

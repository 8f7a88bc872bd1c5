package com.pulse.gateway.security;

import com.pulse.gateway.auth.AuthProperties;
import com.pulse.identity.spring.CallerAuthenticationConverter;
import com.pulse.gateway.web.BrowserProperties;
import com.pulse.gateway.auth.SigningKey;
import com.pulse.gateway.web.ProblemWriter;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import com.pulse.identity.spring.RevocationValidator;
import com.pulse.identity.spring.ValidatedTokens;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * Stateless token security for the whole gateway: no session, no CSRF (a token API), no login page. Tokens are
 * checked in memory against the gateway's own public key; nothing on the request path blocks or calls out.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SecurityConfiguration.class);

  /** Open without a token. */
  static final String[] PUBLIC_PATHS = {"/.well-known/jwks.json", "/actuator/health", "/actuator/health/**",
      "/actuator/prometheus",
      // the journey's transition table, public so front-ends read it instead of copying it (seed 004)
      "/api/journey/state-definitions"};

  /** WebSocket endpoints: the only place a token may come as the {@code access_token} query parameter. */
  static final List<String> WEBSOCKET_PATHS = List.of("/ws", "/ws/**", "/sse");

  /** Validated tokens remembered at once (a few hundred bytes each). */
  static final int CACHED_TOKENS = 50_000;

  @Bean
  SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ReactiveJwtDecoder tokens,
      ProblemWriter problemWriter, BrowserProperties browsers, CallerAuthenticationConverter callers) {
    ProblemResponses problems = new ProblemResponses(problemWriter);
    return http
        .authorizeExchange(exchanges -> exchanges
            .pathMatchers(HttpMethod.OPTIONS).permitAll()
            .pathMatchers(HttpMethod.POST, "/auth/token", "/auth/refresh", "/auth/simple-login").permitAll()
            .pathMatchers(HttpMethod.GET, PUBLIC_PATHS).permitAll()
            // /api/** and /ws, and anything added later, need a valid token
            .anyExchange().authenticated())
        .oauth2ResourceServer(server -> server
            .bearerTokenConverter(new BearerTokenLocations(WEBSOCKET_PATHS))
            .jwt(jwt -> jwt.jwtDecoder(tokens)
                .jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(callers)))
            .authenticationEntryPoint(problems)
            .accessDeniedHandler(problems))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
        .cors(ServerHttpSecurity.CorsSpec::disable)
        .addFilterAt(new ProblemCorsFilter(BrowserPolicy.cors(browsers), problemWriter), SecurityWebFiltersOrder.CORS)
        .headers(BrowserPolicy::securityHeaders)
        .csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .build();
  }

  /** Paths and methods the firewall refuses, as problems (an empty 400 before). */
  @Bean
  ServerExchangeRejectedHandler rejectedRequests(ProblemWriter problems) {
    return new ProblemResponses(problems);
  }

  /**
   * The gateway's own tokens: signature (RS256, the gateway's key), expiry and issuer, in memory. Production mode
   * ({@code pulse.auth.oidc-issuer-uri}): the external issuer's tokens instead, its keys fetched (lazily, then
   * cached) from its discovery document. Either way, validated tokens are remembered until they expire and revoked
   * ones refused.
   */
  @Bean
  ReactiveJwtDecoder jwtDecoder(SigningKey key, AuthProperties auth, RevocationValidator revoked,
      JwtTimestampValidator timestamps) {
    NimbusReactiveJwtDecoder decoder;
    String issuer;
    if (auth.trustsExternalIssuer()) {
      issuer = auth.oidcIssuerUri();
      decoder = NimbusReactiveJwtDecoder.withIssuerLocation(issuer).build();
      log.info("Trusting tokens of the external issuer {} (claims read as pulse.identity.* says)", issuer);
    } else {
      issuer = auth.issuer();
      decoder = NimbusReactiveJwtDecoder.withPublicKey(key.publicKey())
          .signatureAlgorithm(SignatureAlgorithm.RS256)
          .build();
    }
    // the clock skew of pulse.tokens.clock-skew (5 s), not the default 60 s; revoked tokens and sign-ins refused
    decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(
        List.of(new JwtIssuerValidator(issuer), timestamps, revoked)));
    return new CachingJwtDecoder(decoder, new ValidatedTokens(revoked, CACHED_TOKENS));
  }

  /**
   * No observation per security filter: it costs a few per cent of CPU on every proxied request and says nothing
   * the request metrics ({@code http.server.requests}, {@code spring.cloud.gateway.requests}) do not.
   */
  @Bean
  SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }
}

package com.pulse.gateway.security;

import com.pulse.gateway.auth.AuthProperties;
import com.pulse.gateway.auth.SigningKey;
import com.pulse.gateway.web.ProblemWriter;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * Stateless token security for the whole gateway: no session, no CSRF (a token API), no login page. Tokens are
 * checked in memory against the gateway's own public key; nothing on the request path blocks or calls out.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

  /** Open without a token. */
  static final String[] PUBLIC_PATHS = {"/.well-known/jwks.json", "/actuator/health", "/actuator/health/**",
      "/actuator/prometheus"};

  /** WebSocket endpoints: the only place a token may come as the {@code access_token} query parameter. */
  static final List<String> WEBSOCKET_PATHS = List.of("/ws");

  @Bean
  SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ReactiveJwtDecoder tokens,
      ProblemWriter problemWriter) {
    ProblemResponses problems = new ProblemResponses(problemWriter);
    return http
        .authorizeExchange(exchanges -> exchanges
            .pathMatchers(HttpMethod.POST, "/auth/token").permitAll()
            .pathMatchers(HttpMethod.GET, PUBLIC_PATHS).permitAll()
            // /api/** and /ws, and anything added later, need a valid token
            .anyExchange().authenticated())
        .oauth2ResourceServer(server -> server
            .bearerTokenConverter(new BearerTokenLocations(WEBSOCKET_PATHS))
            .jwt(jwt -> jwt.jwtDecoder(tokens).jwtAuthenticationConverter(rolesClaim()))
            .authenticationEntryPoint(problems)
            .accessDeniedHandler(problems))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
        .csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .build();
  }

  /** Validates signature (RS256, the gateway's key), expiry and issuer; no network call, no key fetch. */
  @Bean
  ReactiveJwtDecoder jwtDecoder(SigningKey key, AuthProperties auth) {
    NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withPublicKey(key.publicKey())
        .signatureAlgorithm(SignatureAlgorithm.RS256)
        .build();
    decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(auth.issuer()));
    return decoder;
  }

  /**
   * No observation per security filter: it costs a few per cent of CPU on every proxied request and says nothing
   * the request metrics ({@code http.server.requests}, {@code spring.cloud.gateway.requests}) do not.
   */
  @Bean
  SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }

  /** Roles from the {@code roles} claim as {@code ROLE_*} authorities, as the services read them. */
  private static ReactiveJwtAuthenticationConverterAdapter rolesClaim() {
    JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
    authorities.setAuthoritiesClaimName("roles");
    authorities.setAuthorityPrefix("ROLE_");
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(authorities);
    return new ReactiveJwtAuthenticationConverterAdapter(converter);
  }
}

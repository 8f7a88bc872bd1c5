package com.pulse.notification.config;

import com.pulse.identity.spring.CallerAuthenticationConverter;
import com.pulse.problems.reactive.ReactiveProblems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * Every endpoint needs a valid token except health and the Prometheus scrape. The token (RS256, checked against the
 * gateway's JWKS and issuer, set by {@code spring.security.oauth2.*}; roles read by the identity contract) is
 * validated during the WebSocket handshake, so a bad one is refused with 401 before any socket exists. Stateless: no
 * session, no CSRF (no cookies are read), no login page.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

  /** Open without a token: probes, the metrics scrape and the OpenAPI document. */
  static final String[] PUBLIC_PATHS = {"/actuator/health", "/actuator/health/**", "/actuator/prometheus",
      "/actuator/info", "/v3/api-docs", "/v3/api-docs/**"};

  @Bean
  SecurityWebFilterChain notificationSecurity(ServerHttpSecurity http, ReactiveProblems writer,
      CallerAuthenticationConverter callers) {
    ProblemResponses problems = new ProblemResponses(writer);
    return http
        .authorizeExchange(exchanges -> exchanges
            .pathMatchers(HttpMethod.GET, PUBLIC_PATHS).permitAll()
            .anyExchange().authenticated())
        .oauth2ResourceServer(server -> server
            .bearerTokenConverter(new BearerTokenLocations())
            .jwt(jwt -> jwt.jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(callers)))
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
}

package com.pulse.platform.security;

import com.pulse.identity.CallerReader;
import com.pulse.identity.spring.CallerAuthenticationConverter;
import com.pulse.identity.spring.IdentityAutoConfiguration;
import com.pulse.identity.spring.RevocationValidator;
import com.pulse.identity.spring.ValidatedTokens;
import com.pulse.problems.servlet.ServletProblems;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stateless token security for a servlet service: every request authenticated by JWT except health and metrics;
 * roles read by the identity contract ({@link CallerReader}: {@code roles}, or an OIDC issuer's claim path) as
 * {@code ROLE_*} authorities; errors, the firewall's refusals included, as problem details. Controllers take the
 * caller as a {@link com.pulse.identity.Caller} parameter.
 */
@AutoConfiguration(before = ServletWebSecurityAutoConfiguration.class, after = IdentityAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ServiceSecurityAutoConfiguration {

  /** Validated tokens kept per service instance: a few MB at most. */
  static final int CACHED_TOKENS = 10_000;

  /** Open without a token: probes, the Prometheus scrape and the OpenAPI document. */
  static final String[] PUBLIC = {"/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
      "/error", "/v3/api-docs", "/v3/api-docs/**"};

  /** The firewall's refusals ({@code /a/../b}, {@code %2e}, {@code ;}) as problems, not a bare 400. */
  @Bean
  @ConditionalOnMissingBean(RequestRejectedHandler.class)
  RequestRejectedHandler pulseRequestRejectedHandler(ObjectProvider<ServletProblems> servlet,
      ObjectProvider<JsonMapper> json) {
    return problems(servlet, json);
  }

  @Bean
  @ConditionalOnMissingBean(SecurityFilterChain.class)
  SecurityFilterChain pulseServiceSecurity(HttpSecurity http, ObjectProvider<ServletProblems> servlet,
      ObjectProvider<JsonMapper> json, CallerAuthenticationConverter callers, Environment environment)
      throws Exception {
    ProblemResponses problems = problems(servlet, json);
    // a service's own open endpoints (journey's public transition table), named in pulse.security.public-paths
    String[] servicePublic = Binder.get(environment).bind("pulse.security.public-paths", String[].class)
        .orElse(new String[0]);
    http.authorizeHttpRequests(requests -> {
          requests.requestMatchers(PUBLIC).permitAll();
          if (servicePublic.length > 0) {
            requests.requestMatchers(servicePublic).permitAll();
          }
          requests.anyRequest().authenticated();
        })
        .oauth2ResourceServer(server -> server
            .jwt(jwt -> jwt.jwtAuthenticationConverter(callers))
            .authenticationEntryPoint(problems)
            .accessDeniedHandler(problems))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .requestCache(cache -> cache.disable())
        .formLogin(form -> form.disable())
        .httpBasic(basic -> basic.disable())
        .logout(logout -> logout.disable())
        .anonymous(Customizer.withDefaults());
    return http.build();
  }

  private static ProblemResponses problems(ObjectProvider<ServletProblems> servlet, ObjectProvider<JsonMapper> json) {
    return new ProblemResponses(servlet.getIfAvailable(
        () -> new ServletProblems(json.getIfAvailable(() -> JsonMapper.builder().build()))));
  }

  /** Spring Boot's decoder, behind a cache of validated tokens ({@link CachingJwtDecoder}). */
  @Bean
  static BeanPostProcessor pulseCachedTokens(ObjectProvider<RevocationValidator> revocations) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        return bean instanceof JwtDecoder decoder && !(bean instanceof CachingJwtDecoder)
            ? new CachingJwtDecoder(decoder, new ValidatedTokens(revocations.getObject(), CACHED_TOKENS)) : bean;
      }
    };
  }

  @Bean
  WebMvcConfigurer pulseCallerParameters(CallerReader reader) {
    return new WebMvcConfigurer() {
      @Override
      public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver(reader));
      }
    };
  }
}

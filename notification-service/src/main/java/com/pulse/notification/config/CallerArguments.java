package com.pulse.notification.config;

import com.pulse.identity.Caller;
import com.pulse.identity.CallerReader;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Lets controller methods declare a {@link Caller} parameter: the authenticated caller, read from the token by the
 * identity contract, as every servlet service reads it.
 */
@Configuration(proxyBeanMethods = false)
class CallerArguments implements WebFluxConfigurer {

  private final CallerReader reader;

  CallerArguments(CallerReader reader) {
    this.reader = reader;
  }

  @Override
  public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
    configurer.addCustomResolver(new HandlerMethodArgumentResolver() {
      @Override
      public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
      }

      @Override
      public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext context,
          ServerWebExchange exchange) {
        return ReactiveSecurityContextHolder.getContext()
            .mapNotNull(security -> security.getAuthentication() == null ? null
                : security.getAuthentication().getPrincipal())
            .ofType(Jwt.class)
            .map(jwt -> (Object) reader.read(jwt.getClaims()))
            .switchIfEmpty(Mono.error(() -> new IllegalStateException("no authenticated caller")));
      }
    });
  }
}

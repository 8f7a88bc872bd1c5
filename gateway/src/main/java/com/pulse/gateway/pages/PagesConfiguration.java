package com.pulse.gateway.pages;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import com.pulse.gateway.routing.ServiceAddresses;
import java.net.URI;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The console, the services' OpenAPI documents and the Swagger UI (package documentation). */
@Configuration(proxyBeanMethods = false)
class PagesConfiguration {

  /** Paths of the pages; everything else keeps the API's {@code default-src 'none'}. */
  static final String[] PAGES = {"/console", "/console/**", "/api-docs", "/api-docs/**", "/swagger-ui.html",
      "/swagger-ui/**", "/webjars/swagger-ui/**", "/v3/api-docs", "/v3/api-docs/**"};

  /** Scripts, styles and connections (REST, WebSocket, SSE) to this origin only; Swagger UI styles inline. */
  static final String PAGE_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
      + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

  /** Ahead of the gateway's token chain: pages are public, read-only, and framed by nobody. */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  SecurityWebFilterChain pagesSecurity(ServerHttpSecurity http) {
    return http
        .securityMatcher(ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, PAGES))
        .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(PAGE_POLICY))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
        .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
        .csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .build();
  }

  /** {@code /api-docs/<service>}: the service's own {@code /v3/api-docs}, for every configured service. */
  @Bean
  RouteLocator apiDocsRoutes(RouteLocatorBuilder builder, ServiceAddresses addresses) {
    RouteLocatorBuilder.Builder routes = builder.routes();
    addresses.services().keySet().stream().sorted().forEach(service -> routes.route("api-docs-" + service,
        route -> route.method(HttpMethod.GET).and().path("/api-docs/" + service)
            .filters(filters -> filters.setPath("/v3/api-docs"))
            .uri("lb://" + service)));
    return routes.build();
  }

  /**
   * The console from the classpath ({@code console/}, put there by clients/js's build): {@code /console} and
   * {@code /console/} answer its page, {@code /console/<file>} its files.
   */
  @Bean
  RouterFunction<ServerResponse> consolePages() {
    ClassPathResource index = new ClassPathResource("console/index.html");
    return RouterFunctions.route(GET("/console").or(GET("/console/")),
            request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(index))
        .and(RouterFunctions.resources("/console/**", new ClassPathResource("console/")))
        .and(RouterFunctions.route(GET("/api-docs").or(GET("/api-docs/")),
            request -> ServerResponse.temporaryRedirect(URI.create("/swagger-ui.html")).build()));
  }
}

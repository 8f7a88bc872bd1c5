package com.pulse.gateway.security;

import java.util.List;
import org.springframework.http.server.PathContainer;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Finds the bearer token: in the {@code Authorization} header everywhere, and also in the {@code access_token}
 * query parameter on WebSocket paths only (a token in a URL ends up in logs, so nowhere else).
 */
final class BearerTokenLocations implements ServerAuthenticationConverter {

  private final ServerBearerTokenAuthenticationConverter headerOnly = new ServerBearerTokenAuthenticationConverter();
  private final ServerBearerTokenAuthenticationConverter headerOrQuery = new ServerBearerTokenAuthenticationConverter();
  private final List<PathPattern> webSocketPaths;

  /** @param webSocketPaths path patterns of WebSocket endpoints, e.g. {@code /ws} */
  BearerTokenLocations(List<String> webSocketPaths) {
    this.webSocketPaths = webSocketPaths.stream().map(PathPatternParser.defaultInstance::parse).toList();
    headerOrQuery.setAllowUriQueryParameter(true);
  }

  @Override
  public Mono<Authentication> convert(ServerWebExchange exchange) {
    PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
    boolean webSocket = webSocketPaths.stream().anyMatch(pattern -> pattern.matches(path));
    return (webSocket ? headerOrQuery : headerOnly).convert(exchange);
  }
}

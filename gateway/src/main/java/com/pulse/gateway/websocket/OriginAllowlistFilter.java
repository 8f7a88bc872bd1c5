package com.pulse.gateway.websocket;

import com.pulse.gateway.web.ProblemWriter;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Cross-site WebSocket hijacking protection: a browser always sends {@code Origin} on a handshake, so a handshake
 * whose origin is neither allowlisted nor the gateway's own (the console it serves at {@code /console/}) gets 403. Clients that send no {@code Origin} (services, tools) are not browsers
 * and pass; they still need a token.
 */
final class OriginAllowlistFilter implements WebFilter, Ordered {

  static final String FORBIDDEN = "WebSocket connections from this origin are not allowed.";

  private static final Logger log = LoggerFactory.getLogger(OriginAllowlistFilter.class);

  private final Set<String> allowed;
  private final ProblemWriter problems;

  OriginAllowlistFilter(Iterable<String> allowedOrigins, ProblemWriter problems) {
    java.util.HashSet<String> origins = new java.util.HashSet<>();
    allowedOrigins.forEach(origin -> origins.add(origin.toLowerCase(java.util.Locale.ROOT)));
    this.allowed = Set.copyOf(origins);
    this.problems = problems;
  }

  @Override
  public int getOrder() {
    return -140; // before token validation: a forged page learns nothing more
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    HttpHeaders headers = exchange.getRequest().getHeaders();
    if (!"websocket".equalsIgnoreCase(headers.getUpgrade())) {
      return chain.filter(exchange);
    }
    String origin = headers.getOrigin();
    if (origin == null || allowed.contains(origin.toLowerCase(java.util.Locale.ROOT))
        || sameOrigin(origin, exchange.getRequest().getURI())) {
      return chain.filter(exchange);
    }
    log.warn("WebSocket handshake to {} refused: origin {} is not allowed", exchange.getRequest().getPath(), origin);
    return problems.write(exchange, HttpStatus.FORBIDDEN, FORBIDDEN);
  }

  /** The page came from this gateway: the same host and port as the handshake was addressed to. */
  static boolean sameOrigin(String origin, java.net.URI request) {
    try {
      java.net.URI page = java.net.URI.create(origin);
      return page.getHost() != null && page.getHost().equalsIgnoreCase(request.getHost())
          && port(page) == port(request);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static int port(java.net.URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) || "wss".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}

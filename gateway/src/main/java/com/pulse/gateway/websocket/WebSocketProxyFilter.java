package com.pulse.gateway.websocket;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.PRESERVE_HOST_HEADER_ATTRIBUTE;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.containsEncodedParts;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.isAlreadyRouted;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.setAlreadyRouted;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Proxies WebSocket upgrades to the routed service, in place of Spring Cloud Gateway's {@code WebsocketRoutingFilter}
 * (switched off in {@code application.yml}; the README's WebSocket section says why). It runs where that filter ran:
 * after the load balancer chose an instance ({@code lb://notification}) and before the HTTP routing filter. The
 * service gets the client's handshake headers through the same header filters as HTTP requests (so the token, the
 * request id and {@code traceparent} reach it), without {@code Host} and the client's {@code Sec-WebSocket-*}.
 */
final class WebSocketProxyFilter implements GlobalFilter, Ordered {

  private final WebSocketService handshakes;
  private final ObjectProvider<List<HttpHeadersFilter>> headersFilters;

  /** @param handshakes validates the client's handshake, then hands it to {@link ProxyUpgradeStrategy} */
  WebSocketProxyFilter(WebSocketService handshakes, ObjectProvider<List<HttpHeadersFilter>> headersFilters) {
    this.handshakes = handshakes;
    this.headersFilters = headersFilters;
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE - 1;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    URI url = exchange.getAttribute(GATEWAY_REQUEST_URL_ATTR);
    String scheme = url == null ? null : webSocketScheme(url.getScheme());
    if (scheme == null || isAlreadyRouted(exchange)
        || !"websocket".equalsIgnoreCase(exchange.getRequest().getHeaders().getUpgrade())) {
      return chain.filter(exchange);
    }
    setAlreadyRouted(exchange);
    URI target = UriComponentsBuilder.fromUri(url).scheme(scheme).build(containsEncodedParts(url)).toUri();
    return handshakes.handleRequest(exchange, new ServiceSocket(target, serviceHeaders(exchange),
        protocols(exchange.getRequest().getHeaders())));
  }

  private HttpHeaders serviceHeaders(ServerWebExchange exchange) {
    HttpHeaders filtered = HttpHeadersFilter.filterRequest(headersFilters.getIfAvailable(List::of), exchange);
    HttpHeaders headers = new HttpHeaders();
    filtered.forEach((name, values) -> {
      String lower = name.toLowerCase(Locale.ROOT);
      // the browser's Origin was checked here (OriginAllowlistFilter, this gateway's own pages included); the
      // service's own Origin check is for browsers that reach it directly, so it is not handed on
      if (!lower.startsWith("sec-websocket") && !lower.equals("host") && !lower.equals("origin")) {
        headers.addAll(name, values);
      }
    });
    if (Boolean.TRUE.equals(exchange.getAttribute(PRESERVE_HOST_HEADER_ATTRIBUTE))) {
      headers.set(HttpHeaders.HOST, exchange.getRequest().getHeaders().getFirst(HttpHeaders.HOST));
    }
    return headers;
  }

  private static List<String> protocols(HttpHeaders headers) {
    List<String> protocols = new ArrayList<>();
    for (String header : headers.getOrEmpty("Sec-WebSocket-Protocol")) {
      protocols.addAll(List.of(StringUtils.tokenizeToStringArray(header, ",")));
    }
    return protocols;
  }

  private static String webSocketScheme(String scheme) {
    return switch (scheme.toLowerCase(Locale.ROOT)) {
      case "http", "ws" -> "ws";
      case "https", "wss" -> "wss";
      default -> null;
    };
  }
}

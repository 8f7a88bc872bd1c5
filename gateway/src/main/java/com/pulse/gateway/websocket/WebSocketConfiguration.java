package com.pulse.gateway.websocket;

import com.pulse.gateway.web.BrowserProperties;
import com.pulse.gateway.web.ProblemWriter;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import reactor.netty.http.client.HttpClient;

/**
 * WebSockets through the gateway: the proxy ({@link WebSocketProxyFilter}, {@link ProxyUpgradeStrategy},
 * {@link SocketRelay}) and the {@code Origin} allowlist. The frame limit and ping proxying keep Spring Cloud Gateway's
 * property names ({@code ...httpclient.websocket.max-frame-payload-length}, {@code ...proxy-ping}), both sides of the
 * proxy; no idle timeout applies to an upgraded connection, so a socket stays open as long as its two ends want it.
 */
@Configuration(proxyBeanMethods = false)
class WebSocketConfiguration {

  static final int DEFAULT_FRAME_LIMIT = 65_536;

  @Bean
  WebSocketProxyFilter webSocketProxyFilter(HttpClient httpClient, HttpClientProperties properties,
      ObjectProvider<List<HttpHeadersFilter>> headersFilters) {
    HttpClientProperties.Websocket websocket = properties.getWebsocket();
    int limit = websocket.getMaxFramePayloadLength() != null
        ? websocket.getMaxFramePayloadLength()
        : DEFAULT_FRAME_LIMIT;
    SocketRelay relay = new SocketRelay(new SocketHandlers(new FrameLimitGuard("client", limit), limit));
    SocketHandlers serviceHandlers = new SocketHandlers(new FrameLimitGuard("service", limit), limit);
    ProxyUpgradeStrategy upgrades = new ProxyUpgradeStrategy(httpClient, serviceHandlers, relay, limit,
        websocket.isProxyPing());
    return new WebSocketProxyFilter(new HandshakeWebSocketService(upgrades), headersFilters);
  }

  @Bean
  @ConditionalOnProperty(name = "pulse.gateway.websocket.check-origin", havingValue = "true", matchIfMissing = true)
  OriginAllowlistFilter originAllowlistFilter(BrowserProperties browsers, ProblemWriter problems) {
    return new OriginAllowlistFilter(browsers.allowedOrigins(), problems);
  }
}

package com.pulse.gateway.websocket;

import com.pulse.gateway.web.BrowserProperties;
import com.pulse.gateway.web.ProblemWriter;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.socket.server.WebSocketService;

/**
 * WebSockets through the gateway. The frame limit itself is Spring Cloud Gateway's
 * ({@code ...httpclient.websocket.max-frame-payload-length}, both sides of the proxy); here: the 1009 close and
 * its log line ({@link FrameLimitGuard}), and the {@code Origin} allowlist. Pings and pongs are proxied
 * ({@code proxy-ping}), and no idle timeout applies to an upgraded connection, so a socket stays open as long as
 * its two ends want it.
 */
@Configuration(proxyBeanMethods = false)
class WebSocketConfiguration {

  static final String FRAME_LIMIT = "spring.cloud.gateway.server.webflux.httpclient.websocket."
      + "max-frame-payload-length";
  static final int DEFAULT_FRAME_LIMIT = 65_536;

  /** Client side: wraps the gateway's WebSocket service so every client socket gets the guard. */
  @Bean
  static BeanPostProcessor clientFrameLimitGuard(Environment environment) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof WebSocketService service && !(bean instanceof FrameLimitWebSocketService)) {
          return new FrameLimitWebSocketService(service, frameLimit(environment));
        }
        return bean;
      }
    };
  }

  /** Service side: a frame above the limit from a service is logged (Netty's decoder closes with 1009). */
  @Bean
  HttpClientCustomizer serviceFrameLimitGuard(Environment environment) {
    FrameLimitGuard guard = new FrameLimitGuard("service", frameLimit(environment));
    return client -> client.doOnChannelInit((observer, channel, address) ->
        channel.pipeline().addLast(FrameLimitGuard.NAME, guard));
  }

  @Bean
  @ConditionalOnProperty(name = "pulse.gateway.websocket.check-origin", havingValue = "true", matchIfMissing = true)
  OriginAllowlistFilter originAllowlistFilter(BrowserProperties browsers, ProblemWriter problems) {
    return new OriginAllowlistFilter(browsers.allowedOrigins(), problems);
  }

  private static int frameLimit(Environment environment) {
    return environment.getProperty(FRAME_LIMIT, Integer.class, DEFAULT_FRAME_LIMIT);
  }
}

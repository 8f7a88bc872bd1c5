package com.pulse.notification.socket;

import java.util.Map;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;
import reactor.netty.http.server.WebsocketServerSpec;

/** Mounts the handlers ({@code /ws}, {@code /ws/ocs}), sets the frame size limit and registers TCP channels. */
@Configuration(proxyBeanMethods = false)
class SocketConfiguration {

  /** The endpoints. Fixed: the gateway routes them ({@code /ws/**}) and clients know them. */
  static final String PATH = "/ws";
  static final String OCS_PATH = "/ws/ocs";

  @Bean
  HandlerMapping socketMapping(NotificationSocketHandler handler, OcsSocketHandler ocs) {
    // ahead of annotated controllers, so nothing else can claim the paths; the seed's client may add a slash
    return new SimpleUrlHandlerMapping(Map.of(PATH, handler, OCS_PATH, ocs, OCS_PATH + "/", ocs), -1);
  }

  /** Client frames above the limit close the connection with 1009; no compression (memory per connection). */
  @Bean
  WebFluxConfigurer socketLimits(SocketProperties settings) {
    return new WebFluxConfigurer() {
      @Override
      public WebSocketService getWebSocketService() {
        return new HandshakeWebSocketService(new ReactorNettyRequestUpgradeStrategy(() -> WebsocketServerSpec.builder()
            .maxFramePayloadLength((int) settings.maxFrameSize().toBytes())));
      }
    };
  }

  /** Every TCP channel is registered, so a connection the server closed can be dropped if it does not go. */
  @Bean
  NettyServerCustomizer registerChannels(SocketChannels channels) {
    return server -> server.doOnChannelInit((observer, channel, address) -> channels.add(channel));
  }
}

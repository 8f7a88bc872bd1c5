package com.pulse.notification.socket;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers every TCP channel; the endpoints themselves are {@link SocketEndpoints}. */
@Configuration(proxyBeanMethods = false)
class SocketConfiguration {

  /** Every TCP channel is registered, so a connection the server closed can be dropped if it does not go. */
  @Bean
  NettyServerCustomizer registerChannels(SocketChannels channels) {
    return server -> server.doOnChannelInit((observer, channel, address) -> channels.add(channel));
  }
}

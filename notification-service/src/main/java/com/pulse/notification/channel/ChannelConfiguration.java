package com.pulse.notification.channel;

import com.pulse.events.ChannelCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The channel catalog every endpoint asks: which channels exist, who may join them, who joins them on connect. */
@Configuration(proxyBeanMethods = false)
class ChannelConfiguration {

  @Bean
  ChannelCatalog channelCatalog() {
    return ChannelCatalog.standard();
  }
}

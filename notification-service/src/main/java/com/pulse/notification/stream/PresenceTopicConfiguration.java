package com.pulse.notification.stream;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Declares the presence topic at start-up (the broker creates none on first use): one partition, so every share of
 * one instance stays in order, and a short retention, since only the last time to live of it is ever read.
 */
@Configuration(proxyBeanMethods = false)
class PresenceTopicConfiguration {

  @Bean
  NewTopic presenceTopic(PresenceProperties settings) {
    return TopicBuilder.name(settings.topic()).partitions(1).replicas(settings.replicas())
        .config("retention.ms", Long.toString(Math.max(60_000, settings.ttl().toMillis() * 10)))
        .build();
  }
}

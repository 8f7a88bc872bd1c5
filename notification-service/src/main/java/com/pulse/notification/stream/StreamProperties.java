package com.pulse.notification.stream;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Kafka intake ({@code pulse.notification.stream.*}). Connection settings come from the standard
 * {@code spring.kafka.*} properties.
 *
 * @param pollTimeout longest a poll waits when no record is ready; records are handed over as soon as they arrive
 *     whatever this is, so it only bounds how long stopping takes
 * @param partitionRefresh how often the topics' partitions are looked up again, to pick up added partitions
 * @param missingTopicRetry how often to look again while a topic does not exist yet (or Kafka is unreachable)
 * @param startupWait how long startup waits for the first assignment before the service reports ready anyway
 *     (health then says the intake is down until Kafka answers)
 */
@ConfigurationProperties("pulse.notification.stream")
public record StreamProperties(@DefaultValue("100ms") Duration pollTimeout,
    @DefaultValue("30s") Duration partitionRefresh, @DefaultValue("1s") Duration missingTopicRetry,
    @DefaultValue("30s") Duration startupWait) {}

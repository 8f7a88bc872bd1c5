package com.pulse.platform.outbox;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the outbox ({@code pulse.outbox.*}).
 *
 * @param source the CloudEvents {@code source} of this service's events; default {@code /pulse/<application name>}
 * @param pollInterval how often the relay looks for rows when no commit woke it (a safety net, not the path)
 * @param batchSize rows published per round trip to Kafka
 * @param retention how long published rows stay before the janitor deletes them
 * @param cleanupInterval how often the janitor runs
 * @param backoffInitial first wait after a failed publish; doubles up to {@code backoffMax}
 * @param validateSchemas check every appended event against its JSON Schema (tests and development)
 * @param producer extra Kafka producer settings; the ones the guarantees rest on cannot be overridden
 * @param topics the topics this service owns, declared at start-up (created when missing; a deploy may declare them
 *     itself first): partitions and how long Kafka keeps their events (the recovery window reads from there)
 */
@ConfigurationProperties("pulse.outbox")
public record OutboxProperties(
    @DefaultValue("true") boolean relayEnabled,
    String source,
    @DefaultValue("1s") Duration pollInterval,
    @DefaultValue("500") int batchSize,
    @DefaultValue("24h") Duration retention,
    @DefaultValue("10m") Duration cleanupInterval,
    @DefaultValue("100ms") Duration backoffInitial,
    @DefaultValue("10s") Duration backoffMax,
    @DefaultValue("false") boolean validateSchemas,
    Map<String, String> producer,
    Map<String, TopicSettings> topics) {

  public OutboxProperties {
    producer = producer == null ? Map.of() : Map.copyOf(producer);
    topics = topics == null ? Map.of() : Map.copyOf(topics);
  }

  /**
   * One owned topic.
   *
   * @param partitions how many (consumers scale by them; the key, an aggregate id, keeps each aggregate in one)
   * @param replicas copies of each partition (1 on one broker; 3 in production)
   * @param retention how long Kafka keeps events: at least the notification history window
   */
  public record TopicSettings(@DefaultValue("3") int partitions, @DefaultValue("1") short replicas,
      @DefaultValue("7d") Duration retention) {}

  /** Defaults, for relays built outside a Spring context. */
  public static OutboxProperties defaults(String source) {
    return new OutboxProperties(true, source, Duration.ofSeconds(1), 500, Duration.ofHours(24), Duration.ofMinutes(10),
        Duration.ofMillis(100), Duration.ofSeconds(10), false, Map.of(), Map.of());
  }
}

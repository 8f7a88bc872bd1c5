package com.pulse.identity.spring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How every Pulse validator judges a token's time and revocation ({@code pulse.tokens.*}); the same in the gateway
 * and every service.
 *
 * @param clockSkew how far {@code exp} and {@code nbf} may be off: a token expired longer ago than this is refused
 * @param revocations the shared revocation topic
 */
@ConfigurationProperties("pulse.tokens")
public record TokenProperties(@DefaultValue("5s") Duration clockSkew, @DefaultValue Revocations revocations) {

  public TokenProperties {
    if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(1)) > 0) {
      throw new IllegalArgumentException("pulse.tokens.clock-skew must be between 0 and 1m, was " + clockSkew);
    }
  }

  /**
   * @param enabled false: this process only knows the revocations it makes itself
   * @param bootstrapServers Kafka for {@code pulse.revocations}; blank: {@code spring.kafka.bootstrap-servers}; both
   *     blank: no feed
   * @param replicas the topic's replication factor when this process declares it
   * @param retention how long the topic keeps a revocation; longer than any token's lifetime
   */
  public record Revocations(@DefaultValue("true") boolean enabled, String bootstrapServers,
      @DefaultValue("1") short replicas, @DefaultValue("24h") Duration retention) {
  }
}

package com.pulse.identity.spring;

import com.pulse.identity.revocation.RevocationFeed;
import com.pulse.identity.revocation.Revocations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * What every Pulse token validator checks besides signature and issuer, as beans that Spring Boot's JWT decoder
 * (servlet and reactive) adds to its validators, so every service inherits them without code: {@code exp}/{@code nbf}
 * with a small clock skew ({@code pulse.tokens.clock-skew}, 5 s; replacing the default 60 s), and revocation: the
 * shared {@link Revocations}, fed from the {@code pulse.revocations} topic while the application runs.
 */
@AutoConfiguration(before = IdentityAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.security.oauth2.jwt.Jwt")
@EnableConfigurationProperties(TokenProperties.class)
public class TokenValidationAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Revocations pulseRevocations() {
    return new Revocations();
  }

  @Bean
  @ConditionalOnMissingBean
  RevocationValidator pulseRevocationValidator(Revocations revocations) {
    return new RevocationValidator(revocations);
  }

  @Bean
  @ConditionalOnMissingBean
  JwtTimestampValidator pulseTimestampValidator(TokenProperties tokens) {
    return new JwtTimestampValidator(tokens.clockSkew());
  }

  @Bean
  @ConditionalOnClass(name = "org.apache.kafka.clients.consumer.KafkaConsumer")
  RevocationFeedLifecycle pulseRevocationFeed(TokenProperties tokens, Environment environment,
      Revocations revocations) {
    return new RevocationFeedLifecycle(bootstrapServers(tokens, environment), tokens.revocations(), revocations);
  }

  /** The Kafka the revocations travel through, or null when there is none (or the feed is switched off). */
  public static String bootstrapServers(TokenProperties tokens, Environment environment) {
    if (!tokens.revocations().enabled()) {
      return null;
    }
    String own = tokens.revocations().bootstrapServers();
    String servers = own == null || own.isBlank() ? environment.getProperty("spring.kafka.bootstrap-servers") : own;
    return servers == null || servers.isBlank() ? null : servers;
  }

  /** Starts the feed with the application (early: before the web server) and stops it with it. */
  static final class RevocationFeedLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RevocationFeedLifecycle.class);

    private final String bootstrapServers;
    private final TokenProperties.Revocations settings;
    private final Revocations revocations;
    private volatile RevocationFeed feed;

    RevocationFeedLifecycle(String bootstrapServers, TokenProperties.Revocations settings, Revocations revocations) {
      this.bootstrapServers = bootstrapServers;
      this.settings = settings;
      this.revocations = revocations;
    }

    @Override
    public void start() {
      if (bootstrapServers == null) {
        log.warn("No Kafka for pulse.revocations: this process knows only the revocations it makes itself");
        feed = null;
        return;
      }
      feed = new RevocationFeed(bootstrapServers, settings.replicas(), settings.retention(), revocations).start();
    }

    @Override
    public void stop() {
      RevocationFeed running = feed;
      feed = null;
      if (running != null) {
        running.close();
      }
    }

    @Override
    public boolean isRunning() {
      return feed != null;
    }

    /** Before the web server starts taking requests. */
    @Override
    public int getPhase() {
      return Integer.MIN_VALUE + 1000;
    }
  }
}

package com.pulse.platform.outbox;

import com.pulse.events.EventSchemas;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import tools.jackson.databind.json.JsonMapper;

/** Wires the outbox into any service that has a DataSource: schema, writer, relay, janitor and metrics. */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, KafkaAutoConfiguration.class})
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(OutboxProperties.class)
@Import(SchedulingConfiguration.class)
public class OutboxAutoConfiguration {

  @Bean
  OutboxStore pulseOutboxStore(DataSource dataSource) {
    OutboxSchema.migrate(dataSource);
    return new OutboxStore(JdbcClient.create(dataSource));
  }

  @Bean
  Outbox outbox(OutboxStore store, ObjectProvider<JsonMapper> json, OutboxProperties properties, Environment env,
      ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
    String source = properties.source() != null ? properties.source()
        : "/pulse/" + env.getProperty("spring.application.name", "service");
    return new Outbox(store, json.getIfAvailable(() -> JsonMapper.builder().build()), URI.create(source),
        new TraceparentSource(tracer.getIfAvailable(), propagator.getIfAvailable()), properties.validateSchemas() ? new EventSchemas() : null);
  }

  /** The service's own topics, created at start-up by Spring Kafka's admin when missing. */
  @Bean
  KafkaAdmin.NewTopics pulseOwnedTopics(OutboxProperties properties) {
    return new KafkaAdmin.NewTopics(properties.topics().entrySet().stream()
        .map(topic -> TopicBuilder.name(topic.getKey())
            .partitions(topic.getValue().partitions())
            .replicas(topic.getValue().replicas())
            .config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(topic.getValue().retention().toMillis()))
            .build())
        .toArray(NewTopic[]::new));
  }

  @Bean
  OutboxMetrics pulseOutboxMetrics(MeterRegistry registry, OutboxStore store) {
    return new OutboxMetrics(registry, store);
  }

  @Bean
  @ConditionalOnProperty(name = "pulse.outbox.relay-enabled", matchIfMissing = true)
  OutboxRelay outboxRelay(JdbcConnectionDetails database, KafkaProperties kafka, OutboxMetrics metrics,
      OutboxProperties properties, ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator,
      Environment env) {
    Map<String, Object> producer = new HashMap<>(kafka.buildProducerProperties());
    producer.putAll(properties.producer());
    PublishTracing tracing = PublishTracing.of(tracer.getIfAvailable(), propagator.getIfAvailable(),
        env.getProperty("management.opentelemetry.tracing.sampler"));
    return new OutboxRelay(
        RelayConnections.of(database.getJdbcUrl(), database.getUsername(), database.getPassword()),
        OutboxPublisher.create(producer, metrics::stalled, tracing), metrics, properties);
  }

  /** Depends on the store, so the shedlock table (migrated with the outbox's schema) exists before it runs. */
  @Bean
  OutboxJanitor outboxJanitor(OutboxStore store, OutboxProperties properties) {
    return new OutboxJanitor(store, properties);
  }
}

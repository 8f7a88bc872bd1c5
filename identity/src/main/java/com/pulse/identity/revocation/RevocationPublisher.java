package com.pulse.identity.revocation;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes revocations to {@value RevocationTopic#NAME} ({@code acks=all}: a completed publication survives a
 * broker), after applying them to this process's own {@link Revocations} at once. Used by the gateway, which issues
 * and revokes tokens. Without Kafka ({@code bootstrapServers} null: a test, a single process) revocations stay local.
 */
public final class RevocationPublisher implements AutoCloseable {

  private final Revocations revocations;
  private final KafkaProducer<String, String> producer;

  public RevocationPublisher(String bootstrapServers, Revocations revocations) {
    this.revocations = revocations;
    this.producer = bootstrapServers == null || bootstrapServers.isBlank() ? null : new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.LINGER_MS_CONFIG, 0,
        ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000));
  }

  /** Revokes {@code id} here at once; completes when Kafka has the revocation for every other service. */
  public CompletableFuture<Void> revoke(String id, Instant forgetAfter) {
    revocations.revoke(id, forgetAfter);
    if (producer == null) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Void> published = new CompletableFuture<>();
    try {
      producer.send(new ProducerRecord<>(RevocationTopic.NAME, id, forgetAfter.toString()), (metadata, error) -> {
        if (error == null) {
          published.complete(null);
        } else {
          published.completeExceptionally(error);
        }
      });
    } catch (RuntimeException e) {
      published.completeExceptionally(e);
    }
    return published;
  }

  @Override
  public void close() {
    if (producer != null) {
      producer.close();
    }
  }
}

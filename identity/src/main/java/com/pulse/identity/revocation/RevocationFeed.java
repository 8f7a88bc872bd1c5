package com.pulse.identity.revocation;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@value RevocationTopic#NAME} from its beginning, and then as it grows, into {@link Revocations}, on one
 * daemon thread of its own (no consumer group: every instance reads everything). Declares the topic first, retrying
 * while Kafka is unreachable; a revocation published while this service was down is read at its next start. A record
 * is handed over as soon as the broker has it ({@code fetch.min.bytes} is 1): the fetch wait ({@value #FETCH_WAIT_MS}
 * ms) only bounds an empty fetch, so a longer one costs no latency, only fewer idle round trips (seven services each
 * polling every 100 ms kept the broker and themselves busy on an idle stack).
 */
public final class RevocationFeed implements AutoCloseable {

  static final int FETCH_WAIT_MS = 500;
  private static final Logger log = LoggerFactory.getLogger(RevocationFeed.class);
  private static final Duration RETRY = Duration.ofSeconds(2);
  private static final TopicPartition PARTITION = new TopicPartition(RevocationTopic.NAME, 0);

  private final String bootstrapServers;
  private final short replicas;
  private final Duration retention;
  private final Revocations revocations;
  private final CountDownLatch caughtUp = new CountDownLatch(1);
  private final Thread thread;
  private volatile KafkaConsumer<String, String> consumer;
  private volatile boolean closed;

  public RevocationFeed(String bootstrapServers, short replicas, Duration retention, Revocations revocations) {
    this.bootstrapServers = bootstrapServers;
    this.replicas = replicas;
    this.retention = retention;
    this.revocations = revocations;
    this.thread = Thread.ofPlatform().daemon().name("pulse-revocations").unstarted(this::run);
  }

  public RevocationFeed start() {
    thread.start();
    return this;
  }

  /** Waits until every revocation published before the feed started has been read; false on timeout. */
  public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void run() {
    while (!closed) {
      try {
        RevocationTopic.declare(bootstrapServers, replicas, retention);
        read();
      } catch (WakeupException e) {
        return;
      } catch (RuntimeException e) {
        if (closed) {
          return;
        }
        log.warn("Revocation feed interrupted ({}); retrying in {}", e.toString(), RETRY);
        pause();
      }
    }
  }

  private void read() {
    try (KafkaConsumer<String, String> reader = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, FETCH_WAIT_MS,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"))) {
      consumer = reader;
      if (closed) {
        return;
      }
      reader.assign(List.of(PARTITION));
      reader.seekToBeginning(List.of(PARTITION));
      long end = reader.endOffsets(List.of(PARTITION)).get(PARTITION);
      while (!closed) {
        for (ConsumerRecord<String, String> revocation : reader.poll(Duration.ofSeconds(1))) {
          apply(revocation);
        }
        if (caughtUp.getCount() > 0 && reader.position(PARTITION) >= end) {
          caughtUp.countDown();
          log.info("Revocation feed caught up: {} revoked sign-ins or tokens", revocations.size());
        }
      }
    } finally {
      consumer = null;
    }
  }

  private void apply(ConsumerRecord<String, String> revocation) {
    if (revocation.key() == null || revocation.value() == null) {
      return;
    }
    try {
      revocations.revoke(revocation.key(), Instant.parse(revocation.value()));
    } catch (DateTimeParseException e) {
      log.warn("Ignoring revocation {} with an unreadable expiry", revocation.offset());
    }
  }

  /** The feed's own thread backs off after a failed poll; nothing waits on it, so a fixed pause is enough. */
  private void pause() {
    try {
      Thread.sleep(RETRY);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    }
  }

  @Override
  public void close() {
    closed = true;
    KafkaConsumer<String, String> reader = consumer;
    if (reader != null) {
      reader.wakeup();
    }
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

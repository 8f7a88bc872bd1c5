package com.pulse.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads one topic across every partition without a consumer group, from its end when the reader was opened (what a
 * test needs to say "these records, and no others, were published since") or from its beginning.
 */
public final class TopicReader implements AutoCloseable {

  private final KafkaConsumer<String, byte[]> consumer;
  private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

  private TopicReader(String bootstrapServers, String topic, boolean fromStart) {
    consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, true),
        new StringDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = partitions(consumer, topic);
    consumer.assign(partitions);
    if (fromStart) {
      consumer.seekToBeginning(partitions);
    } else {
      consumer.seekToEnd(partitions);
    }
    partitions.forEach(consumer::position);
  }

  /** The topic's partitions, waiting for an auto-created topic's metadata to appear. */
  private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
          .map(info -> new TopicPartition(topic, info.partition()))
          .toList();
      if (!partitions.isEmpty()) {
        return partitions;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("topic " + topic + " has no partitions");
      }
      Thread.onSpinWait();
    }
  }

  /** A reader at the current end of the topic. */
  public static TopicReader atEnd(String bootstrapServers, String topic) {
    return new TopicReader(bootstrapServers, topic, false);
  }

  /** A reader at the beginning of the topic: everything the broker still holds. */
  public static TopicReader fromStart(String bootstrapServers, String topic) {
    return new TopicReader(bootstrapServers, topic, true);
  }

  /** Polls until {@code count} records matching the filter arrived, or the timeout; returns what matched. */
  public List<ConsumerRecord<String, byte[]>> await(int count, Predicate<ConsumerRecord<String, byte[]>> filter,
      Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (seen.stream().filter(filter).count() < count && System.nanoTime() < deadline) {
      consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
    }
    return seen.stream().filter(filter).toList();
  }

  public List<ConsumerRecord<String, byte[]>> await(int count, Duration timeout) {
    return await(count, r -> true, timeout);
  }

  /** Everything matching that arrives within {@code quiet}: used to show that nothing (more) was published. */
  public List<ConsumerRecord<String, byte[]>> drain(Predicate<ConsumerRecord<String, byte[]>> filter,
      Duration quiet) {
    return await(Integer.MAX_VALUE, filter, quiet);
  }

  @Override
  public void close() {
    consumer.close();
  }
}

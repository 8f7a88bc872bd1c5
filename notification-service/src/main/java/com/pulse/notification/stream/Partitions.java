package com.pulse.notification.stream;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Which partitions the intake reads, and where it starts in each. There is no consumer group: every instance is
 * assigned every partition of every topic whose name matches the configured pattern, so every instance sees every
 * event, and a new domain's topic is picked up without a code change.
 *
 * <p>Partitions present at the first successful lookup start {@code rewind} back in time (Kafka's
 * {@code offsetsForTimes}), so the recovery history is rebuilt from Kafka after a restart and every instance holds the
 * same window; the end offsets seen then are what "caught up" means for startup. Partitions that appear later (a
 * topic created by its first event, partitions added) start at their beginning, since everything in them was
 * published after this instance started.
 */
final class Partitions {

  private final Pattern topics;
  private final Duration refresh;
  private final Duration missingTopicRetry;
  private final Duration rewind;
  private final Clock clock;
  private final Set<TopicPartition> assigned = new LinkedHashSet<>();
  private final Map<TopicPartition, Long> startupEnds = new HashMap<>();
  private volatile boolean listed;
  private volatile int count;
  private long nextLookup = System.nanoTime();

  Partitions(String topicPattern, Duration refresh, Duration missingTopicRetry, Duration rewind, Clock clock) {
    this.topics = Pattern.compile(topicPattern);
    this.refresh = refresh;
    this.missingTopicRetry = missingTopicRetry;
    this.rewind = rewind;
    this.clock = clock;
  }

  boolean lookupDue(long nanoTime) {
    return nanoTime - nextLookup >= 0;
  }

  /**
   * Looks the topics up and assigns any partition not assigned yet; to be called on the poll thread only.
   *
   * @param onAssigned told each new partition and the offset its reading starts at
   */
  void lookup(Consumer<?, ?> consumer, Duration timeout, BiConsumer<PartitionId, Long> onAssigned) {
    nextLookup = System.nanoTime() + missingTopicRetry.toNanos();
    Map<String, List<PartitionInfo>> existing = consumer.listTopics(timeout);
    List<TopicPartition> added = new ArrayList<>();
    existing.forEach((topic, infos) -> {
      if (topics.matcher(topic).matches()) {
        for (PartitionInfo info : infos) {
          TopicPartition partition = new TopicPartition(topic, info.partition());
          if (!assigned.contains(partition)) {
            added.add(partition);
          }
        }
      }
    });
    if (!added.isEmpty()) {
      assigned.addAll(added);
      count = assigned.size();
      consumer.assign(assigned);
      if (listed) {
        consumer.seekToBeginning(added);
      } else {
        rewind(consumer, added, timeout);
      }
      // resolve the position now: "the start" must mean now, not whenever the first fetch happens
      for (TopicPartition partition : added) {
        onAssigned.accept(new PartitionId(partition.topic(), partition.partition()),
            consumer.position(partition, timeout));
      }
    }
    listed = true;
    nextLookup = System.nanoTime() + (assigned.isEmpty() ? missingTopicRetry : refresh).toNanos();
  }

  /** Starts each partition at its first record not older than the window, or at its end when it has none. */
  private void rewind(Consumer<?, ?> consumer, List<TopicPartition> added, Duration timeout) {
    long since = clock.millis() - rewind.toMillis();
    Map<TopicPartition, Long> query = new HashMap<>();
    added.forEach(partition -> query.put(partition, since));
    Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query, timeout);
    Map<TopicPartition, Long> ends = consumer.endOffsets(added, timeout);
    for (TopicPartition partition : added) {
      OffsetAndTimestamp at = found.get(partition);
      long end = ends.getOrDefault(partition, 0L);
      consumer.seek(partition, at == null ? end : at.offset());
      startupEnds.put(partition, end);
    }
  }

  /** True once every partition present at startup has been read up to where its end was then. */
  boolean caughtUp(Consumer<?, ?> consumer) {
    if (!listed) {
      return false;
    }
    startupEnds.entrySet().removeIf(end -> consumer.position(end.getKey()) >= end.getValue());
    return startupEnds.isEmpty();
  }

  /** True once a lookup succeeded. */
  boolean listed() {
    return listed;
  }

  boolean isEmpty() {
    return assigned.isEmpty();
  }

  /** How many partitions are assigned; safe to read from any thread (health). */
  int count() {
    return count;
  }
}

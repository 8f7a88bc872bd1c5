package com.pulse.notification.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Which partitions the intake reads, and where it starts in each. There is no consumer group: every instance is
 * assigned every partition of every topic, so every instance sees every event.
 *
 * <p>Partitions present at the first successful lookup start at their end (live delivery only: issue 3 seeks back
 * from here to rebuild history). Partitions that appear later (a topic created by its first event, partitions added)
 * start at their beginning, since everything in them was published after this instance started.
 */
final class Partitions {

  private final List<String> topics;
  private final Duration refresh;
  private final Duration missingTopicRetry;
  private final Set<TopicPartition> assigned = new LinkedHashSet<>();
  private volatile boolean listed;
  private volatile int count;
  private long nextLookup = System.nanoTime();

  Partitions(List<String> topics, Duration refresh, Duration missingTopicRetry) {
    this.topics = List.copyOf(topics);
    this.refresh = refresh;
    this.missingTopicRetry = missingTopicRetry;
  }

  boolean lookupDue(long nanoTime) {
    return nanoTime - nextLookup >= 0;
  }

  /** Looks the topics up and assigns any partition not assigned yet; to be called on the poll thread only. */
  void lookup(Consumer<?, ?> consumer, Duration timeout) {
    nextLookup = System.nanoTime() + missingTopicRetry.toNanos();
    Map<String, List<PartitionInfo>> existing = consumer.listTopics(timeout);
    List<TopicPartition> added = new ArrayList<>();
    for (String topic : topics) {
      for (PartitionInfo info : existing.getOrDefault(topic, List.of())) {
        TopicPartition partition = new TopicPartition(topic, info.partition());
        if (!assigned.contains(partition)) {
          added.add(partition);
        }
      }
    }
    if (!added.isEmpty()) {
      assigned.addAll(added);
      count = assigned.size();
      consumer.assign(assigned);
      if (listed) {
        consumer.seekToBeginning(added);
      } else {
        consumer.seekToEnd(added);
      }
      // resolve the position now: "the end" must mean now, not whenever the first fetch happens
      added.forEach(partition -> consumer.position(partition, timeout));
    }
    listed = true;
    boolean missing = topics.stream().anyMatch(topic -> !existing.containsKey(topic));
    nextLookup = System.nanoTime() + (missing ? missingTopicRetry : refresh).toNanos();
  }

  /** True once a lookup succeeded: from then on, every event published is read. */
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

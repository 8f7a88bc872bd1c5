package com.pulse.notification.stream;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Presence across instances through Kafka: each instance publishes its whole presence (per channel: clients and user
 * ids) to {@link PresenceProperties#topic()} every interval, keyed by its instance id, and reads every other instance's
 * from a reader of its own (no consumer group: every instance needs every share). At start it reads back one time to
 * live, so it knows the others at once; when it stops it publishes an empty share, a goodbye. Channels are opaque
 * names here; which ones have presence is the caller's business.
 */
@Component
public final class PresenceExchange implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(PresenceExchange.class);

  private final String instance = UUID.randomUUID().toString();
  private final PresenceProperties settings;
  private final KafkaProperties kafka;
  private final JsonMapper json;
  private final PresenceShares shares;
  private volatile KafkaProducer<String, byte[]> producer;
  private volatile KafkaConsumer<String, byte[]> consumer;
  private volatile Thread reader;
  private volatile boolean running;

  PresenceExchange(PresenceProperties settings, KafkaProperties kafka, JsonMapper json) {
    this.settings = settings;
    this.kafka = kafka;
    this.json = json;
    this.shares = new PresenceShares(settings.ttl());
  }

  /** Publishes this instance's whole presence (replacing its previous share everywhere). */
  public void share(Map<String, PresenceShares.Members> channels) {
    KafkaProducer<String, byte[]> out = producer;
    if (out == null || !running) {
      return;
    }
    try {
      out.send(new ProducerRecord<>(settings.topic(), instance, encode(channels)), (metadata, error) -> {
        if (error != null) {
          log.debug("Presence share not published: {}", error.toString());
        }
      });
    } catch (RuntimeException e) {
      // Kafka unreachable: this instance's clients drop out of the others' counts until it is back
      log.debug("Presence share not published: {}", e.toString());
    }
  }

  /** The channel's members on every other live instance. */
  public List<PresenceShares.Members> others(String channel) {
    return shares.on(channel, System.nanoTime());
  }

  public String instance() {
    return instance;
  }

  @Override
  public void start() {
    Map<String, Object> producerProps = new HashMap<>(kafka.buildProducerProperties());
    producerProps.put(ProducerConfig.ACKS_CONFIG, "1");
    producerProps.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    // share() runs on the scheduler the heartbeat shares: with Kafka away it must fail fast, not wait for metadata
    producerProps.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 500);
    producer = new KafkaProducer<>(producerProps, new StringSerializer(), new ByteArraySerializer());
    Map<String, Object> consumerProps = new HashMap<>(kafka.buildConsumerProperties());
    consumerProps.remove(ConsumerConfig.GROUP_ID_CONFIG);
    consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumerProps.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new ByteArrayDeserializer());
    running = true;
    reader = Thread.ofPlatform().daemon().name("presence-exchange").start(this::read);
  }

  @Override
  public void stop() {
    running = false;
    KafkaProducer<String, byte[]> out = producer;
    if (out != null) {
      try {
        // the goodbye: the others drop this instance's clients now rather than after the time to live
        out.send(new ProducerRecord<>(settings.topic(), instance, encode(Map.of()))).get(2, TimeUnit.SECONDS);
      } catch (Exception e) {
        log.debug("Presence goodbye not published: {}", e.toString());
      }
      out.close(Duration.ofSeconds(2));
    }
    KafkaConsumer<String, byte[]> in = consumer;
    if (in != null) {
      in.wakeup();
    }
    Thread thread = reader;
    if (thread != null) {
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void read() {
    try (KafkaConsumer<String, byte[]> in = consumer) {
      assign(in);
      while (running) {
        for (ConsumerRecord<String, byte[]> record : in.poll(Duration.ofMillis(500))) {
          if (!instance.equals(record.key()) && record.key() != null) {
            received(record);
          }
        }
      }
    } catch (WakeupException stopping) {
      // stop() woke the reader
    } catch (RuntimeException e) {
      log.warn("Presence reader stopped", e);
    }
  }

  /** Every partition of the topic, from one time to live ago: the shares still alive. */
  private void assign(KafkaConsumer<String, byte[]> in) {
    List<PartitionInfo> partitions = List.of();
    while (running && partitions.isEmpty()) {
      try {
        partitions = in.partitionsFor(settings.topic(), Duration.ofSeconds(5));
      } catch (org.apache.kafka.common.errors.TimeoutException unreachable) {
        log.debug("Presence topic {} not reachable yet", settings.topic());
      }
    }
    List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(p.topic(), p.partition()))
        .toList();
    in.assign(assigned);
    long since = System.currentTimeMillis() - settings.ttl().toMillis();
    Map<TopicPartition, Long> times = new HashMap<>();
    assigned.forEach(partition -> times.put(partition, since));
    Map<TopicPartition, OffsetAndTimestamp> offsets = in.offsetsForTimes(times);
    for (TopicPartition partition : assigned) {
      OffsetAndTimestamp offset = offsets.get(partition);
      if (offset == null) {
        in.seekToEnd(List.of(partition));
      } else {
        in.seek(partition, offset.offset());
      }
    }
  }

  private void received(ConsumerRecord<String, byte[]> record) {
    long age = System.currentTimeMillis() - record.timestamp();
    if (age > settings.ttl().toMillis()) {
      return;
    }
    try {
      JsonNode share = json.readTree(record.value());
      Map<String, PresenceShares.Members> channels = new HashMap<>();
      share.path("channels").properties().forEach(entry -> {
        Set<String> users = new TreeSet<>();
        entry.getValue().path("users").forEach(user -> users.add(user.asString()));
        channels.put(entry.getKey(), new PresenceShares.Members(entry.getValue().path("clients").asInt(), users));
      });
      shares.received(record.key(), channels, System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(Math.max(0, age)));
    } catch (RuntimeException e) {
      log.debug("Unreadable presence share from {}: {}", record.key(), e.toString());
    }
  }

  /** {@code {"instance":…,"channels":{"vote:poll:7":{"clients":3,"users":["emp.1",…]}}}} */
  private byte[] encode(Map<String, PresenceShares.Members> channels) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("instance", instance);
    Map<String, Object> encoded = new LinkedHashMap<>();
    channels.forEach((channel, members) -> encoded.put(channel,
        Map.of("clients", members.clients(), "users", new TreeSet<>(members.users()))));
    body.put("channels", encoded);
    return json.writeValueAsBytes(body);
  }
}

package com.pulse.notification.stream;

import com.pulse.notification.metrics.NotificationMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The Kafka intake: one consumer on one dedicated thread, reading every partition of every Pulse topic and handing
 * each event to the {@link StreamListener}s as soon as it arrives.
 *
 * <p>No consumer group and no committed offsets: every instance must see every event, and where to start is decided
 * by {@link Partitions}. Latency over throughput: {@code fetch.min.bytes=1}, so the broker answers a fetch the moment
 * one record is there. At startup the intake rewinds over the history window ({@link Partitions}) and startup waits
 * (bounded) until it has re-read it, so the recovery history is complete and no old event reaches a live client.
 */
@Component
final class EventStream implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(EventStream.class);

  /** Before the web server starts (clients can connect only once the intake is positioned), stopped after it. */
  static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

  private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(5);
  /** Longest an empty fetch waits at the broker (Kafka's default): records end it at once. */
  private static final long IDLE_FETCH_WAIT_MS = 500;

  private final Map<String, Object> consumerConfig;
  private final StreamProperties settings;
  private final ObjectProvider<StreamListener> listenerProvider;
  private final NotificationMetrics metrics;
  private final MeterRegistry registry;
  private final DeliveryTracing tracing;
  private final EnvelopeReader reader = new EnvelopeReader();
  private final Partitions partitions;
  private final CountDownLatch positioned = new CountDownLatch(1);
  private final CountDownLatch stopping = new CountDownLatch(1);

  private volatile boolean running;
  private volatile Thread thread;
  private volatile Consumer<byte[], byte[]> consumer;
  private volatile long lastPollNanos;
  private List<StreamListener> listeners = List.of();

  EventStream(KafkaProperties kafka, StreamProperties settings, ObjectProvider<StreamListener> listeners,
      NotificationMetrics metrics, MeterRegistry registry, DeliveryTracing tracing,
      @Value("${spring.application.name}") String application) {
    this.consumerConfig = consumerConfig(kafka, application, settings);
    this.settings = settings;
    this.listenerProvider = listeners;
    this.metrics = metrics;
    this.registry = registry;
    this.tracing = tracing;
    this.partitions = new Partitions(settings.topics(), settings.partitionRefresh(), settings.missingTopicRetry(),
        settings.rewind(), Clock.systemUTC());
  }

  static Map<String, Object> consumerConfig(KafkaProperties kafka, String application, StreamProperties settings) {
    Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
    // every instance reads everything: no group, nothing committed
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    // topics belong to their producers; a consumer creating one would get the wrong partition count
    config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    // a lost position (e.g. truncated log) resumes live, never replays old events to live clients
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    config.putIfAbsent(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1);
    // an empty fetch may wait longer than a poll: a record completes the fetch at once (fetch.min.bytes=1), so this
    // costs no latency and saves the broker an empty round trip every poll timeout
    config.putIfAbsent(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
        (int) Math.max(IDLE_FETCH_WAIT_MS, settings.pollTimeout().toMillis()));
    config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG,
        application + "-intake-" + UUID.randomUUID().toString().substring(0, 8));
    return config;
  }

  @Override
  public void start() {
    listeners = listenerProvider.orderedStream().toList();
    running = true;
    thread = Thread.ofPlatform().name("event-stream").start(this::run);
    try {
      if (!positioned.await(settings.startupWait().toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("Kafka did not answer within {}; starting anyway, events are read once it does",
            settings.startupWait());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void stop() {
    running = false;
    stopping.countDown();
    Consumer<byte[], byte[]> current = consumer;
    if (current != null) {
      current.wakeup();
    }
    Thread poller = thread;
    if (poller != null) {
      try {
        poller.join(Duration.ofSeconds(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }

  /** True once the partitions are positioned, the history window re-read, and the poll thread is alive. */
  boolean positioned() {
    Thread current = thread;
    return partitions.listed() && positioned.getCount() == 0 && current != null && current.isAlive();
  }

  int partitionCount() {
    return partitions.count();
  }

  /** When the last poll returned (System.nanoTime), or 0 before the first. */
  long lastPollNanos() {
    return lastPollNanos;
  }

  private void run() {
    try (KafkaConsumer<byte[], byte[]> kafka = new KafkaConsumer<>(consumerConfig);
        KafkaClientMetrics kafkaMetrics = new KafkaClientMetrics(kafka)) {
      kafkaMetrics.bindTo(registry);
      consumer = kafka;
      while (running) {
        try {
          pollOnce(kafka);
        } catch (WakeupException e) {
          // stop() woke the poll: the loop condition ends it
        } catch (KafkaException e) {
          log.warn("Kafka intake: {}; retrying in {}", e.toString(), settings.missingTopicRetry());
          pause(settings.missingTopicRetry());
        }
      }
    } catch (RuntimeException e) {
      log.error("Kafka intake stopped: no event is delivered until the service restarts", e);
    } finally {
      consumer = null;
    }
  }

  private void pollOnce(Consumer<byte[], byte[]> kafka) {
    if (partitions.lookupDue(System.nanoTime())) {
      partitions.lookup(kafka, LOOKUP_TIMEOUT, this::assigned);
    }
    if (partitions.isEmpty()) {
      // no topic exists yet: nothing to poll (polling with no assignment is an error)
      if (partitions.listed()) {
        positioned.countDown();
      }
      pause(settings.missingTopicRetry());
      return;
    }
    var records = kafka.poll(settings.pollTimeout());
    lastPollNanos = System.nanoTime();
    for (ConsumerRecord<byte[], byte[]> record : records) {
      handle(record);
    }
    if (positioned.getCount() > 0 && partitions.caughtUp(kafka)) {
      positioned.countDown();
    }
  }

  private void assigned(PartitionId partition, long firstOffset) {
    for (StreamListener listener : listeners) {
      listener.assigned(partition, firstOffset);
    }
  }

  private void handle(ConsumerRecord<byte[], byte[]> record) {
    metrics.eventReceived(record.topic());
    Position position = new Position(record.topic(), record.partition(), record.offset());
    StreamEvent event;
    try {
      if (record.value() == null) {
        throw new IllegalArgumentException("no value");
      }
      event = reader.read(position, record.value(),
          record.timestamp() >= 0 ? Instant.ofEpochMilli(record.timestamp()) : null);
    } catch (IllegalArgumentException e) {
      metrics.eventInvalid(record.topic());
      log.warn("Skipped the record at {}: not a structured CloudEvent ({})", position, e.getMessage());
      return;
    }
    tracing.deliver(event, () -> dispatch(event));
  }

  private void dispatch(StreamEvent event) {
    for (StreamListener listener : listeners) {
      try {
        listener.on(event);
      } catch (RuntimeException e) {
        log.error("{} failed on {}", listener, event, e);
      }
    }
  }

  private void pause(Duration duration) {
    try {
      stopping.await(duration.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }
}

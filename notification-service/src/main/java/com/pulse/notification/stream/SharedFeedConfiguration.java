package com.pulse.notification.stream;

import com.pulse.notification.metrics.NotificationMetrics;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The shared feed's container: batches, offsets committed once a batch returned, and failures handled so that
 * nothing is lost and nothing stalls. A batch whose listener says {@link EventBatchListener.RetryLater} (or fails in
 * a way nobody foresaw) is retried with backoff for as long as it takes; one event the listener cannot handle is
 * retried {@value #ATTEMPTS} times and then published, with the error in its headers, to {@code <topic>.dlt}; a record
 * that is no CloudEvent goes there at once. Dead letters are counted ({@code pulse.notification.dead.letters}).
 */
@Configuration(proxyBeanMethods = false)
class SharedFeedConfiguration {

  static final String CONTAINER_FACTORY = "sharedFeedContainerFactory";
  static final String DEAD_LETTER_SUFFIX = ".dlt";
  static final int ATTEMPTS = 3;

  @Bean
  SharedEventFeed sharedEventFeed(EventBatchListener listener, NotificationMetrics metrics) {
    return new SharedEventFeed(listener, metrics);
  }

  @Bean(CONTAINER_FACTORY)
  ConcurrentKafkaListenerContainerFactory<String, byte[]> sharedFeedContainerFactory(KafkaProperties kafka,
      StreamProperties settings, KafkaAdmin admin, NotificationMetrics metrics) {
    ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
    factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(consumerConfig(kafka, settings),
        new StringDeserializer(), new ByteArrayDeserializer()));
    factory.setBatchListener(true);
    factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
    factory.setCommonErrorHandler(errorHandler(deadLetters(kafka), admin, metrics));
    return factory;
  }

  /**
   * The shared feed is not on the live path (sockets have their own intake), so its fetches wait to fill: with the
   * consumer's default of answering at the first byte, every event was its own poll, inbox transaction and offset
   * commit — at 300 events/s, 300 of each per second.
   */
  static Map<String, Object> consumerConfig(KafkaProperties kafka, StreamProperties settings) {
    Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties());
    consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumer.putIfAbsent(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, (int) settings.sharedFetchBytes().toBytes());
    consumer.putIfAbsent(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) settings.sharedFetchWait().toMillis());
    return consumer;
  }

  static DefaultErrorHandler errorHandler(KafkaTemplate<String, byte[]> deadLetters, KafkaAdmin admin,
      NotificationMetrics metrics) {
    // the broker creates no topic on first use: a topic's dead-letter topic is declared with its first dead letter
    Set<String> declared = ConcurrentHashMap.newKeySet();
    DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(deadLetters, (record, error) -> {
      String topic = record.topic() + DEAD_LETTER_SUFFIX;
      if (declared.add(topic)) {
        admin.createOrModifyTopics(TopicBuilder.name(topic).partitions(1).build());
      }
      return new TopicPartition(topic, -1);
    });
    ExponentialBackOff untilItPasses = new ExponentialBackOff(1_000, 2);
    untilItPasses.setMaxInterval(30_000);
    DefaultErrorHandler handler = new DefaultErrorHandler((record, error) -> {
      publisher.accept(record, error);
      metrics.deadLetter(record.topic());
    }, untilItPasses);
    handler.setBackOffFunction((record, error) ->
        causedBy(error, EventBatchListener.RetryLater.class) ? untilItPasses : new FixedBackOff(500, ATTEMPTS - 1));
    handler.addNotRetryableExceptions(IllegalArgumentException.class);
    return handler;
  }

  private static KafkaTemplate<String, byte[]> deadLetters(KafkaProperties kafka) {
    Map<String, Object> producer = new HashMap<>(kafka.buildProducerProperties());
    producer.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer, new StringSerializer(),
        new ByteArraySerializer()));
  }

  private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
    }
    return false;
  }
}

package com.pulse.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServersTests {

  @TempDir Path temp;

  @Test
  void postgresHoldsSeveralDatabasesAndKeepsThemAcrossARestart() throws Exception {
    Path dir = temp.resolve("pg");
    try (PostgresServer first = PostgresServer.start(dir, 0, true, Map.of())) {
      String url = first.createDatabase("ocs");
      first.createDatabase("notification");
      try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD)) {
        c.createStatement().execute("create table t(x int); insert into t values (42)");
      }
    }
    try (PostgresServer second = PostgresServer.start(dir, 0, true, Map.of());
        Connection c = DriverManager.getConnection(second.createDatabase("ocs"), PostgresServer.USER,
            PostgresServer.PASSWORD);
        ResultSet rows = c.createStatement().executeQuery("select x from t")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getInt(1)).isEqualTo(42);
    }
  }

  @Test
  void kafkaKeepsItsRecordsAcrossAStopAndStart() throws Exception {
    try (KafkaServer kafka = KafkaServer.create(temp.resolve("kafka"), 0, 0, 1, "256m")) {
      kafka.start(Duration.ofSeconds(60));
      kafka.createTopic("restart.test.v1", 1);
      send(kafka, "before");
      kafka.stop();
      assertThat(kafka.isRunning()).isFalse();

      kafka.start(Duration.ofSeconds(60));
      send(kafka, "after");

      assertThat(readAll(kafka, 2)).containsExactly("before", "after");
    }
  }

  @Test
  void kafkaCreatesNoTopicOnFirstUseTopicsAreDeclared() throws Exception {
    try (KafkaServer kafka = KafkaServer.create(temp.resolve("kafka-strict"), 0, 0, 1, "256m")) {
      kafka.start(Duration.ofSeconds(60));
      Properties p = new Properties();
      p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
      p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3_000);
      try (KafkaProducer<String, String> producer =
          new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
        assertThatThrownBy(() -> producer.send(new ProducerRecord<>("undeclared.thing.v1", "k", "v"))
            .get(10, TimeUnit.SECONDS)).as("no auto-creation").isNotNull();
      }
    }
  }

  private static void send(KafkaServer kafka, String value) throws Exception {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>("restart.test.v1", "k", value)).get(30, TimeUnit.SECONDS);
    }
  }

  private static List<String> readAll(KafkaServer kafka, int expected) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "restart-test");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of("restart.test.v1"));
      List<String> values = new ArrayList<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (values.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          values.add(r.value());
        }
      }
      return values;
    }
  }
}

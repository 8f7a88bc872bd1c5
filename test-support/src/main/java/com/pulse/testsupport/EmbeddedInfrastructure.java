package com.pulse.testsupport;

import com.pulse.servers.PostgresServer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** zonky PostgreSQL and Spring Kafka's in-process KRaft broker: real servers, no Docker, a few seconds to start. */
final class EmbeddedInfrastructure implements TestInfrastructure {

  /** More than one partition, so tests see per-key ordering hold across partitions. */
  static final int PARTITIONS = 3;

  private final PostgresServer postgres;
  private final EmbeddedKafkaKraftBroker kafka;

  private EmbeddedInfrastructure(PostgresServer postgres, EmbeddedKafkaKraftBroker kafka) {
    this.postgres = postgres;
    this.kafka = kafka;
  }

  static EmbeddedInfrastructure start() {
    PostgresServer postgres = PostgresServer.startForTests();
    EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
    kafka.brokerProperty("num.partitions", PARTITIONS);
    kafka.brokerProperty("auto.create.topics.enable", true);
    kafka.brokerProperty("group.initial.rebalance.delay.ms", 0);
    kafka.afterPropertiesSet();
    EmbeddedInfrastructure infrastructure = new EmbeddedInfrastructure(postgres, kafka);
    Runtime.getRuntime().addShutdownHook(new Thread(infrastructure::stop, "test-infrastructure-stop"));
    return infrastructure;
  }

  @Override
  public String database(String name) {
    return postgres.createDatabase(name);
  }

  @Override
  public String databaseUser() {
    return PostgresServer.USER;
  }

  @Override
  public String databasePassword() {
    return PostgresServer.PASSWORD;
  }

  @Override
  public String kafkaBootstrapServers() {
    return kafka.getBrokersAsString();
  }

  private void stop() {
    kafka.destroy();
    postgres.close();
  }
}

package com.pulse.testsupport;

import com.pulse.servers.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** The same servers from Docker images, for machines that have a Docker engine. */
final class ContainerInfrastructure implements TestInfrastructure {

  static final String POSTGRES_IMAGE = "postgres:18-alpine";
  static final String KAFKA_IMAGE = "apache/kafka:4.2.1";

  private final PostgreSQLContainer postgres;
  private final KafkaContainer kafka;

  private ContainerInfrastructure(PostgreSQLContainer postgres, KafkaContainer kafka) {
    this.postgres = postgres;
    this.kafka = kafka;
  }

  static ContainerInfrastructure start() {
    PostgreSQLContainer postgres = new PostgreSQLContainer(POSTGRES_IMAGE).withCommand("postgres", "-c",
        "max_connections=300", "-c", "fsync=off");
    KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE)
        .withEnv("KAFKA_NUM_PARTITIONS", String.valueOf(EmbeddedInfrastructure.PARTITIONS));
    postgres.start();
    kafka.start();
    return new ContainerInfrastructure(postgres, kafka);
  }

  @Override
  public synchronized String database(String name) {
    try (Connection c = DriverManager.getConnection(postgres.getJdbcUrl(), postgres.getUsername(),
        postgres.getPassword())) {
      PostgresServer.createDatabaseIfMissing(c, name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + name, e);
    }
    return postgres.getJdbcUrl().replace("/" + postgres.getDatabaseName(), "/" + name);
  }

  @Override
  public String databaseUser() {
    return postgres.getUsername();
  }

  @Override
  public String databasePassword() {
    return postgres.getPassword();
  }

  @Override
  public String kafkaBootstrapServers() {
    return kafka.getBootstrapServers();
  }
}

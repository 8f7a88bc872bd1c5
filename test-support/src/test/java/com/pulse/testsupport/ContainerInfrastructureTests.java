package com.pulse.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The Docker variant of the shared infrastructure; skipped on machines without a Docker engine. */
@Testcontainers(disabledWithoutDocker = true)
class ContainerInfrastructureTests {

  @Test
  void startsPostgresAndKafkaFromImages() throws Exception {
    ContainerInfrastructure containers = ContainerInfrastructure.start();

    try (Connection c = DriverManager.getConnection(containers.database("gamma"), containers.databaseUser(),
        containers.databasePassword())) {
      assertThat(c.getCatalog()).isEqualTo("gamma");
    }
    assertThat(containers.kafkaBootstrapServers()).isNotBlank();
  }
}

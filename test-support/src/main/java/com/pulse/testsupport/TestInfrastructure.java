package com.pulse.testsupport;

import java.util.Locale;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;

/**
 * The PostgreSQL server and Kafka broker this test JVM uses, started on first use and shared by every test class.
 *
 * <p>Which kind is chosen by {@code -Dpulse.test.infrastructure} (or {@code PULSE_TEST_INFRASTRUCTURE}):
 * {@code embedded} (default: zonky PostgreSQL and an in-process KRaft broker, no Docker), {@code containers}
 * (Testcontainers; tests are skipped when no Docker engine answers) or {@code auto} (containers when Docker answers,
 * embedded otherwise).
 */
public interface TestInfrastructure {

  /** Creates the database unless it exists and returns its JDBC URL. */
  String database(String name);

  String databaseUser();

  String databasePassword();

  String kafkaBootstrapServers();

  /** The shared infrastructure, or empty when the chosen kind cannot run here (tests are then skipped). */
  static Optional<TestInfrastructure> shared() {
    return Holder.INSTANCE;
  }

  /** Why {@link #shared()} is empty. */
  static String unavailableReason() {
    return "pulse.test.infrastructure=" + Holder.KIND + " but no Docker engine answers; tests skipped";
  }

  final class Holder {
    static final String KIND = System.getProperty("pulse.test.infrastructure",
        Optional.ofNullable(System.getenv("PULSE_TEST_INFRASTRUCTURE")).orElse("embedded")).toLowerCase(Locale.ROOT);
    static final Optional<TestInfrastructure> INSTANCE = choose();

    private Holder() {}

    private static Optional<TestInfrastructure> choose() {
      return switch (KIND) {
        case "embedded" -> Optional.of(EmbeddedInfrastructure.start());
        case "containers" -> dockerAvailable() ? Optional.of(ContainerInfrastructure.start()) : Optional.empty();
        case "auto" -> Optional.of(dockerAvailable() ? ContainerInfrastructure.start() : EmbeddedInfrastructure.start());
        default -> throw new IllegalArgumentException("pulse.test.infrastructure must be embedded, containers or auto");
      };
    }

    static boolean dockerAvailable() {
      try {
        return DockerClientFactory.instance().isDockerAvailable();
      } catch (RuntimeException | Error e) {
        return false;
      }
    }
  }
}

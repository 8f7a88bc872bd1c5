package com.pulse.bench.socket;

import com.pulse.events.Topics;
import com.pulse.local.PulseLocal;
import com.pulse.local.ServiceProcess;
import com.pulse.servers.KafkaServer;
import com.pulse.servers.LocalProcesses;
import com.pulse.servers.PostgresServer;
import com.pulse.testsupport.TestTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One notification-service instance as production runs it (its own JVM from its jar, the local stack's JVM
 * options), on a real PostgreSQL and a real Kafka broker, trusting the benchmark's token key
 * ({@link TestTokens}) so the benchmark can sign in as many distinct users as it needs. Restartable on the same
 * port, as an operator restarts an instance.
 */
final class NotificationUnderTest implements AutoCloseable {

  static final int PARTITIONS = 3;

  private final Path data;
  private final PostgresServer postgres;
  private final KafkaServer kafka;
  private final int port = LocalProcesses.freePort();
  private final List<String> jvmOptions;
  private final Map<String, String> environment;
  private ServiceProcess service;
  private boolean closed;

  private NotificationUnderTest(Path data, PostgresServer postgres, KafkaServer kafka, List<String> jvmOptions,
      Map<String, String> environment) {
    this.data = data;
    this.postgres = postgres;
    this.kafka = kafka;
    this.jvmOptions = jvmOptions;
    this.environment = environment;
  }

  /**
   * @param jvmOptions added to the local stack's own (a later {@code -Xmx} wins)
   * @param environment the service's settings, e.g. {@code PULSE_SOCKET_MAX_CONNECTIONS}
   */
  static NotificationUnderTest start(List<String> jvmOptions, Map<String, String> environment) throws Exception {
    Path data = Files.createTempDirectory("pulse-socket-bench");
    CompletableFuture<PostgresServer> database = CompletableFuture.supplyAsync(() -> {
      PostgresServer server = PostgresServer.start(data.resolve("postgres"), LocalProcesses.freePort(), false,
          Map.of());
      server.createDatabase("notification");
      return server;
    });
    KafkaServer kafka = KafkaServer.create(data.resolve("kafka"), LocalProcesses.freePort(),
        LocalProcesses.freePort(), PARTITIONS, "512m").start(Duration.ofMinutes(1));
    kafka.createTopic(Topics.OCS_ORDERS, PARTITIONS);
    NotificationUnderTest stack = new NotificationUnderTest(data, database.join(), kafka, jvmOptions, environment);
    Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "socket-bench-stop"));
    stack.startService();
    return stack;
  }

  /** Starts the service (again) and returns once it is healthy, i.e. its intake re-read the history window. */
  void startService() {
    service = ServiceProcess.start("notification-service", PulseLocal.repositoryRoot()
            .resolve("notification-service/target/notification-service.jar"), port,
        Map.of("spring.datasource.url", postgres.jdbcUrl("notification"),
            "spring.kafka.bootstrap-servers", kafka.bootstrapServers(),
            "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens.shared().jwkSetUri(),
            "spring.security.oauth2.resourceserver.jwt.issuer-uri", TestTokens.ISSUER),
        environment, logs(), jvmOptions);
    service.awaitHealthy(Duration.ofMinutes(3));
  }

  /** SIGTERM: the service tells its clients to reconnect (1012) and shuts down gracefully. */
  void stopService() {
    service.close();
  }

  /** SIGKILL: a crash; clients see their TCP connections drop. */
  void killService() {
    service.kill();
  }

  String socketUri() {
    return "ws://127.0.0.1:" + port + "/ws";
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  long pid() {
    return service.pid();
  }

  String kafkaBootstrapServers() {
    return kafka.bootstrapServers();
  }

  Path logs() {
    return data.resolve("logs");
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (service != null) {
      service.close();
      service = null;
    }
    kafka.stop();
    postgres.close();
  }
}

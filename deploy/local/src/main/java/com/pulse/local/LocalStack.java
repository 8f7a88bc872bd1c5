package com.pulse.local;

import com.pulse.servers.KafkaServer;
import com.pulse.servers.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The whole suite on this machine: PostgreSQL, Kafka, and every service as its own process. */
public final class LocalStack implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
  /**
   * How long each service may take to be healthy: six services starting at once on two cores took up to 174 s on a
   * quiet machine (2026-12-02); {@code -Dpulse.local.startup=PT8M} on a machine under load.
   */
  private static final Duration STARTUP = Duration.parse(System.getProperty("pulse.local.startup", "PT5M"));
  /** The services behind the gateway listen here only: nothing on the network reaches them around it. */
  static final String LOOPBACK = "127.0.0.1";
  /** Every domain service's database, and notification-service's. */
  static final List<String> DATABASES = Stream.concat(DomainService.ALL.stream().map(DomainService::database),
      Stream.of("notification")).toList();

  private final LocalStackOptions options;
  private final List<ServiceProcess> services = new ArrayList<>();
  private PostgresServer postgres;
  private KafkaServer kafka;
  private StackLock lock;
  /** Set once close() began: a process the start launches after that is stopped at once, not kept. */
  private boolean closed;
  private StartupCacheTraining training;
  private Thread stopOnExit;

  private LocalStack(LocalStackOptions options) {
    this.options = options;
  }

  /**
   * Starts everything and returns once every service reports healthy; stops what started if anything fails. Refuses
   * at once, touching nothing, when another stack runs on the same data directory ({@link StackLock}).
   */
  public static LocalStack start(LocalStackOptions options) {
    LocalStack stack = new LocalStack(options);
    stack.lock = StackLock.acquire(options.dataDirectory());
    // from the first process on: a launcher stopped mid-start (SIGTERM, Ctrl-C) must not leave Kafka or services behind
    stack.stopOnExit = new Thread(stack::close, "pulse-local-stack-stop");
    Runtime.getRuntime().addShutdownHook(stack.stopOnExit);
    try {
      stack.startAll();
      return stack;
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
  }

  public String gatewayUrl() {
    return "http://localhost:" + options.ports().gateway();
  }

  public String kafkaBootstrapServers() {
    return kafka.bootstrapServers();
  }

  public LocalStackOptions options() {
    return options;
  }

  /** The services' processes, in start order: the gateway, the domain services, notification-service. */
  public List<ServiceProcess> services() {
    return List.copyOf(services);
  }

  private void startAll() {
    Path data = options.dataDirectory();
    if (!options.keepData()) {
      deleteContents(data);
    }
    LocalStackOptions.Ports ports = options.ports();
    CompletableFuture<PostgresServer> database = CompletableFuture.supplyAsync(() -> {
      PostgresServer server = PostgresServer.start(data.resolve("postgres"), ports.postgres(), true, Map.of());
      DATABASES.forEach(server::createDatabase);
      return server;
    });
    CompletableFuture<KafkaServer> broker = CompletableFuture.supplyAsync(() ->
        KafkaServer.create(data.resolve("kafka"), ports.kafka(), ports.kafkaController(), 3, "512m")
            .start(Duration.ofMinutes(1)));
    // both are awaited, and each kept once started, so a failure of one still stops the other (close())
    CompletableFuture.allOf(database, broker).exceptionally(failure -> null).join();
    keep(database.isCompletedExceptionally() ? null : database.join(),
        broker.isCompletedExceptionally() ? null : broker.join());
    database.join();
    broker.join();

    Path logs = data.resolve("logs");
    String issuer = gatewayUrl();
    Map<String, String> tokens = Map.of(
        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
        "http://127.0.0.1:" + ports.gateway() + "/.well-known/jwks.json",
        "spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer);

    Map<String, String> routes = new LinkedHashMap<>();
    DomainService.ALL.forEach(service ->
        routes.put(service.gatewayUrl(), "http://127.0.0.1:" + service.port().applyAsInt(ports)));
    routes.put("NOTIFICATION_URL", notificationUrls(ports));
    // sign-outs travel to every service through the topic pulse.revocations
    routes.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
    routes.putAll(options.gatewayEnvironment());
    keep(ServiceProcess.start("gateway", jar("gateway"), ports.gateway(),
        Map.of("spring.profiles.active", "local", "pulse.auth.issuer", issuer,
            "pulse.auth.key-file", data.resolve("gateway").resolve("signing-key.json").toString()),
        routes, logs));
    for (DomainService service : DomainService.ALL) {
      keep(ServiceProcess.start(service.module(), jar(service.module()), service.port().applyAsInt(ports),
          with(tokens, "spring.datasource.url", postgres.jdbcUrl(service.database()),
              "spring.kafka.bootstrap-servers", kafka.bootstrapServers(), "server.address", LOOPBACK), Map.of(),
          logs));
    }
    int instance = 0;
    for (int port : ports.notification()) {
      instance++;
      String name = ports.notification().length == 1 ? "notification-service" : "notification-service-" + instance;
      keep(ServiceProcess.start(name, jar("notification-service"), port,
          with(tokens, "spring.datasource.url", postgres.jdbcUrl("notification"),
              "spring.kafka.bootstrap-servers", kafka.bootstrapServers(), "server.address", LOOPBACK,
              // where the journey dialect forwards perform_action
              "pulse.notification.journey.url", "http://127.0.0.1:" + ports.journey()), Map.of(), logs));
    }
    CompletableFuture.allOf(services.stream()
        .map(service -> CompletableFuture.runAsync(() -> service.awaitHealthy(STARTUP)))
        .toArray(CompletableFuture[]::new)).join();
    synchronized (this) {
      if (!closed && StartupCache.trains()) {
        training = StartupCacheTraining.start(services);
      }
    }
  }

  /** The training of start-up caches this start lacked, in the background; empty when switched off. */
  Optional<StartupCacheTraining> startupCacheTraining() {
    return Optional.ofNullable(training);
  }

  /** Every notification-service instance, comma-separated: the gateway balances sockets over them. */
  private static String notificationUrls(LocalStackOptions.Ports ports) {
    return Arrays.stream(ports.notification()).mapToObj(port -> "http://127.0.0.1:" + port)
        .collect(Collectors.joining(","));
  }

  private Path jar(String module) {
    return options.root().resolve(module).resolve("target").resolve(module + ".jar");
  }

  private static Map<String, String> with(Map<String, String> base, String... pairs) {
    Map<String, String> all = new LinkedHashMap<>(base);
    for (int i = 0; i < pairs.length; i += 2) {
      all.put(pairs[i], pairs[i + 1]);
    }
    return all;
  }

  private synchronized void keep(PostgresServer startedPostgres, KafkaServer startedKafka) {
    postgres = startedPostgres;
    kafka = startedKafka;
    if (closed) {
      close();
      throw new IllegalStateException("the stack is stopping");
    }
  }

  private synchronized void keep(ServiceProcess service) {
    services.add(service);
    if (closed) {
      close();
      throw new IllegalStateException("the stack is stopping");
    }
  }

  /**
   * Stops the services first (they flush to Kafka and the database), then Kafka, then PostgreSQL. Runs at most once
   * per part: the launcher's exit calls it too, and a start still under way stops what it launches afterwards.
   */
  @Override
  public synchronized void close() {
    closed = true;
    forgetShutdownHook();
    if (training != null) {
      training.close();
      training = null;
    }
    services.reversed().parallelStream().forEach(service -> {
      try {
        service.close();
      } catch (RuntimeException e) {
        log.warn("{} did not stop cleanly", service.name(), e);
      }
    });
    services.clear();
    if (kafka != null) {
      kafka.stop();
      kafka = null;
    }
    if (postgres != null) {
      postgres.close();
      postgres = null;
    }
    if (lock != null) {
      lock.close();
      lock = null;
    }
  }

  /** A stack closed by its owner needs no hook at exit: processes that start and stop many stacks keep none. */
  private void forgetShutdownHook() {
    Thread hook = stopOnExit;
    stopOnExit = null;
    if (hook == null || Thread.currentThread() == hook) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException exiting) {
      // the JVM is already shutting down: the hook runs and finds everything closed
    }
  }

  /** Empties the data directory for a fresh start, keeping the lock file this stack holds. */
  static void deleteContents(Path directory) {
    if (!Files.isDirectory(directory)) {
      return;
    }
    try (Stream<Path> children = Files.list(directory)) {
      children.filter(child -> !child.getFileName().toString().equals(StackLock.FILE))
          .forEach(LocalStack::deleteRecursively);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteRecursively(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.delete(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return "LocalStack" + Arrays.toString(options.ports().notification());
  }
}

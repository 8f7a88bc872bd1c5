package com.pulse.servers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apache Kafka's own server in KRaft mode (one node that is both broker and controller), run as a child JVM.
 *
 * <p>It can be stopped and started again on the same data directory and port, which is how tests show that an event
 * written while Kafka was down still arrives once Kafka is back. The broker's classpath is resolved by the build and
 * shipped as a resource, so nothing but a JDK is needed.
 */
public final class KafkaServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(KafkaServer.class);
  private static final String CLASSPATH_RESOURCE = "kafka-server.classpath";

  private final Path dataDirectory;
  private final int port;
  private final int controllerPort;
  private final int partitions;
  private final String heap;
  private Process process;

  private KafkaServer(Path dataDirectory, int port, int controllerPort, int partitions, String heap) {
    this.dataDirectory = dataDirectory;
    this.port = port;
    this.controllerPort = controllerPort;
    this.partitions = partitions;
    this.heap = heap;
  }

  /**
   * A broker on the given ports (0 picks a free one, fixed for the server's lifetime so a restart keeps it).
   *
   * @param dataDirectory the log directory; formatted on first start, reused after
   */
  public static KafkaServer create(Path dataDirectory, int port, int controllerPort, int partitions, String heap) {
    return new KafkaServer(dataDirectory, port > 0 ? port : LocalProcesses.freePort(),
        controllerPort > 0 ? controllerPort : LocalProcesses.freePort(),
        partitions, heap);
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  public Path dataDirectory() {
    return dataDirectory;
  }

  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** Starts the broker (formatting its storage the first time) and returns once it answers requests. */
  public synchronized KafkaServer start(Duration timeout) {
    if (isRunning()) {
      return this;
    }
    try {
      Files.createDirectories(dataDirectory);
      Path config = writeConfig();
      if (!Files.exists(dataDirectory.resolve("logs").resolve("meta.properties"))) {
        format(config);
      }
      Path logFile = dataDirectory.resolve("server.out");
      process = java("kafka.Kafka", config.toString())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
          .start();
      awaitReady(timeout, logFile);
      log.info("Kafka {} ready on {} (data {})", kafkaVersion(), bootstrapServers(), dataDirectory);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException("Kafka did not start", e);
    }
  }

  /** Stops the broker cleanly (SIGTERM, then a kill after the grace period); the data stays. */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    LocalProcesses.stop(process);
    process = null;
  }

  /** Declares a topic, as its owning service or a deploy would (the broker creates none on first use). */
  public void createTopic(String name, int partitions) {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("could not create topic " + name, e.getCause());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted creating topic " + name, e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("no answer creating topic " + name, e);
    }
  }

  @Override
  public void close() {
    stop();
  }

  private Path writeConfig() throws IOException {
    Properties p = new Properties();
    p.putAll(Map.ofEntries(
        Map.entry("process.roles", "broker,controller"),
        Map.entry("node.id", "1"),
        Map.entry("controller.quorum.voters", "1@127.0.0.1:" + controllerPort),
        Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort),
        Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port),
        Map.entry("controller.listener.names", "CONTROLLER"),
        Map.entry("inter.broker.listener.name", "PLAINTEXT"),
        Map.entry("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT"),
        Map.entry("log.dirs", dataDirectory.resolve("logs").toString()),
        Map.entry("num.partitions", String.valueOf(partitions)),
        Map.entry("offsets.topic.replication.factor", "1"),
        Map.entry("offsets.topic.num.partitions", "3"),
        Map.entry("transaction.state.log.replication.factor", "1"),
        Map.entry("transaction.state.log.min.isr", "1"),
        Map.entry("share.coordinator.state.topic.replication.factor", "1"),
        Map.entry("share.coordinator.state.topic.min.isr", "1"),
        Map.entry("group.initial.rebalance.delay.ms", "0"),
        // as in production: a topic is declared by the service that owns it (partitions, retention), never made
        // by the first producer or consumer that names it
        Map.entry("auto.create.topics.enable", "false"),
        // History for recovery lives in Kafka: keep a day of it by default.
        Map.entry("log.retention.hours", "24")));
    Path config = dataDirectory.resolve("server.properties");
    try (var out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
      p.store(out, "written by " + KafkaServer.class.getName());
    }
    return config;
  }

  private void format(Path config) throws IOException {
    String clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();
    Process format = java("kafka.tools.StorageTool", "format", "-t", clusterId, "-c", config.toString())
        .redirectErrorStream(true)
        .start();
    String output = new String(format.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (format.waitFor() != 0) {
        throw new IllegalStateException("kafka storage format failed: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while formatting Kafka storage", e);
    }
  }

  private ProcessBuilder java(String mainClass, String... args) throws IOException {
    Path log4j = dataDirectory.resolve("log4j2.properties");
    Files.writeString(log4j, """
        rootLogger.level = WARN
        rootLogger.appenderRef.out.ref = out
        appender.out.type = Console
        appender.out.name = out
        appender.out.layout.type = PatternLayout
        appender.out.layout.pattern = [%d] %p %m (%c)%n
        logger.started.name = kafka.server.KafkaRaftServer
        logger.started.level = INFO
        """);
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xms" + heap, "-Xmx" + heap, "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20",
        "-Djava.awt.headless=true",
        "-Dlog4j2.configurationFile=" + log4j.toUri(),
        "-Dkafka.logs.dir=" + dataDirectory,
        "-cp", classpath(),
        mainClass));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).directory(dataDirectory.toFile());
  }

  private void awaitReady(Duration timeout, Path logFile) {
    long deadline = System.nanoTime() + timeout.toNanos();
    awaitListening(deadline, timeout, logFile);
    Properties admin = new Properties();
    admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
    admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "2000");
    try (Admin client = Admin.create(admin)) {
      while (true) {
        if (!process.isAlive()) {
          throw new IllegalStateException("Kafka exited with " + process.exitValue() + "; see " + logFile);
        }
        try {
          client.describeCluster().nodes().get(2, TimeUnit.SECONDS);
          return;
        } catch (Exception notYet) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("Kafka not ready within " + timeout + "; see " + logFile, notYet);
          }
        }
      }
    }
  }

  /**
   * Waits until the broker's port takes connections, with a plain socket: a Kafka client asking earlier logs a
   * warning per attempt ("Connection to node -1 could not be established"), which a first start should not show.
   */
  private void awaitListening(long deadline, Duration timeout, Path logFile) {
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Kafka exited with " + process.exitValue() + "; see " + logFile);
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return;
      } catch (IOException notYet) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("Kafka not listening within " + timeout + "; see " + logFile, notYet);
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
      }
    }
  }

  private static String classpath() throws IOException {
    try (InputStream in = KafkaServer.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(CLASSPATH_RESOURCE + " is missing: build embedded-servers with Maven first");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    }
  }

  private static String kafkaVersion() {
    return org.apache.kafka.common.utils.AppInfoParser.getVersion();
  }


  /** A random UUID-based directory name under the system temp dir, for throwaway brokers. */
  public static Path temporaryDataDirectory() {
    return Path.of(System.getProperty("java.io.tmpdir"), "pulse-kafka-" + UUID.randomUUID());
  }
}

package com.pulse.local;

import com.pulse.servers.LocalProcesses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One service of the stack, run from its jar as its own JVM, its output in a log file. Public for the benchmarks,
 * which run a service alone with settings of their own.
 */
public final class ServiceProcess implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  /** Small heaps: five JVMs and two servers share one developer machine. */
  private static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx384m", "-XX:+UseG1GC",
      "-XX:MaxGCPauseMillis=20", "-XX:+ExitOnOutOfMemoryError", "-Djava.security.egd=file:/dev/urandom");

  private final String name;
  private final int port;
  private final Path log;
  private final Process process;

  private ServiceProcess(String name, int port, Path log, Process process) {
    this.name = name;
    this.port = port;
    this.log = log;
    this.process = process;
  }

  /**
   * Starts {@code jar} with the given Spring properties (as {@code --key=value} arguments) and environment.
   *
   * @throws IllegalStateException when the jar was not built
   */
  public static ServiceProcess start(String name, Path jar, int port, Map<String, String> properties,
      Map<String, String> environment, Path logDirectory) {
    return start(name, jar, port, properties, environment, logDirectory, List.of());
  }

  /**
   * As {@link #start(String, Path, int, Map, Map, Path)}, with JVM options after the stack's own (a later
   * {@code -Xmx} wins).
   */
  public static ServiceProcess start(String name, Path jar, int port, Map<String, String> properties,
      Map<String, String> environment, Path logDirectory, List<String> jvmOptions) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: build first with ./mvnw -Plocal package");
    }
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(JVM_OPTIONS);
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toString());
    command.add("--server.port=" + port);
    properties.forEach((key, value) -> command.add("--" + key + "=" + value));
    try {
      Files.createDirectories(logDirectory);
      Path log = logDirectory.resolve(name + ".log");
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().putAll(environment);
      return new ServiceProcess(name, port, log, builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + name, e);
    }
  }

  public String name() {
    return name;
  }

  public int port() {
    return port;
  }

  public Path log() {
    return log;
  }

  /** The JVM's process id, for the benchmarks' memory readings. */
  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Waits until the service's health endpoint answers UP. */
  public void awaitHealthy(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
        .timeout(Duration.ofSeconds(2)).build();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + "\n" + tail());
      }
      try {
        if (HTTP.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + name, e);
      }
      waitBriefly();
    }
    throw new IllegalStateException(name + " not healthy within " + timeout + "\n" + tail());
  }

  /** The end of the service's log, to show why it failed. */
  public String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log at " + log + ")";
    }
  }

  /** SIGTERM (Spring shuts down gracefully), then a kill after the grace period. */
  @Override
  public void close() {
    LocalProcesses.stop(process);
  }

  /** SIGKILL: the process dies at once, as in a crash, with no shutdown hook or graceful close. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Health polling interval: a process start is measured in seconds, a poll every 100 ms is plenty. */
  private static void waitBriefly() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

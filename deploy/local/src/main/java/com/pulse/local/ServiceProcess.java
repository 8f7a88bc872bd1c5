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
import java.util.stream.Stream;

/**
 * One service of the stack, run from its jar as its own JVM, its output in a log file. Public for the benchmarks,
 * which run a service alone with settings of their own.
 */
public final class ServiceProcess implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  /** Small heaps: five JVMs and two servers share one developer machine. */
  private static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx384m", "-XX:+UseG1GC",
      "-XX:MaxGCPauseMillis=20", "-XX:+ExitOnOutOfMemoryError", "-Djava.security.egd=file:/dev/urandom");
  /** Extra options for every service, e.g. a profiler's ({@code PULSE_JVM_OPTIONS="-XX:StartFlightRecording"}). */
  private static final List<String> EXTRA_JVM_OPTIONS = extraOptions(System.getenv("PULSE_JVM_OPTIONS"));

  private final ServiceLaunch launch;
  private final Path log;
  private final long logStart;
  private final List<String> command;
  private final Process process;

  private ServiceProcess(ServiceLaunch launch, Path log, long logStart, List<String> command, Process process) {
    this.launch = launch;
    this.log = log;
    this.logStart = logStart;
    this.command = List.copyOf(command);
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
   * {@code -Xmx} wins). Starts from the jar's {@link StartupCache} when one was trained.
   */
  public static ServiceProcess start(String name, Path jar, int port, Map<String, String> properties,
      Map<String, String> environment, Path logDirectory, List<String> jvmOptions) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: build first with ./mvnw -Plocal package");
    }
    return launch(new ServiceLaunch(name, jar, port, properties, environment, logDirectory,
        Stream.of(JVM_OPTIONS, EXTRA_JVM_OPTIONS, jvmOptions).flatMap(List::stream).toList()));
  }

  static List<String> extraOptions(String value) {
    return value == null || value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
  }

  /**
   * Another instance of this service as it was started (jar, options, settings), on its own port and log: from the
   * start-up cache when one is trained, else from the plain jar.
   */
  public ServiceProcess another(String name, int port, Path logDirectory) {
    return another(name, port, logDirectory, true);
  }

  /** As {@link #another(String, int, Path)}; {@code fromCache=false} starts from the plain jar, e.g. to compare. */
  public ServiceProcess another(String name, int port, Path logDirectory, boolean fromCache) {
    return launch(launch.instance(name, port, logDirectory), fromCache);
  }

  private static ServiceProcess launch(ServiceLaunch launch) {
    return launch(launch, true);
  }

  private static ServiceProcess launch(ServiceLaunch launch, boolean fromCache) {
    try {
      Files.createDirectories(launch.logDirectory());
      Path log = launch.logDirectory().resolve(launch.name() + ".log");
      long logStart = Files.exists(log) ? Files.size(log) : 0;
      List<String> command = launch.command(
          fromCache ? launch.cache().launchArguments() : List.of("-jar", launch.jar().toString()), launch.port());
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().putAll(launch.environment());
      return new ServiceProcess(launch, log, logStart, command, builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + launch.name(), e);
    }
  }

  public String name() {
    return launch.name();
  }

  public int port() {
    return launch.port();
  }

  /** The command line it was started with: which jar, and whether from a start-up cache. */
  public List<String> command() {
    return command;
  }

  ServiceLaunch launch() {
    return launch;
  }

  /** The jar's start-up cache, used by this start or not. */
  public StartupCache startupCache() {
    return launch.cache();
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

  /**
   * Waits until the service's health endpoint answers UP; then, when the JVM refused the start-up cache it was
   * given (and started without it), drops that cache so it is trained again.
   */
  public void awaitHealthy(Duration timeout) {
    awaitHealth(timeout);
    if (startedFromCache()) {
      launch.cache().discardIfRefused(log, logStart);
    }
  }

  /** Whether this start was given its jar's start-up cache (the JVM may still have refused it). */
  public boolean startedFromCache() {
    return command.contains(StartupCache.useOption() + launch.cache().archive());
  }

  private void awaitHealth(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + "/actuator/health"))
        .timeout(Duration.ofSeconds(2)).build();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name() + " exited with " + process.exitValue() + "\n" + tail());
      }
      try {
        if (HTTP.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + name(), e);
      }
      waitBriefly();
    }
    throw new IllegalStateException(name() + " not healthy within " + timeout + "\n" + tail());
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

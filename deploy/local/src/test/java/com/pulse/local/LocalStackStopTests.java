package com.pulse.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A launcher stopped while its stack is still starting (SIGTERM, as from {@code kill} or a test runner) stops every
 * process it had launched: PostgreSQL, Kafka and the services it started so far are not left running behind it.
 */
class LocalStackStopTests {

  @Test
  void aLauncherTerminatedMidStartLeavesNoProcessBehind() throws Exception {
    String javaCommand = ProcessHandle.current().info().command().orElse("java");
    Path log = Files.createTempFile("pulse-stop", ".log");
    Process launcher = new ProcessBuilder(javaCommand, "-cp", System.getProperty("java.class.path"),
        StackStarter.class.getName())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    try {
      // mid-start: the gateway's JVM runs (so PostgreSQL and Kafka do), the services are not all healthy yet
      await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
          .until(() -> launcher.descendants().anyMatch(LocalStackStopTests::isService));
      List<ProcessHandle> launched = launcher.descendants().toList();
      int postgresPort = Integer.parseInt(Files.readAllLines(log).stream()
          .filter(line -> line.startsWith("postgres-port ")).findFirst().orElseThrow().substring(14));
      assertThat(free(postgresPort)).as("PostgreSQL runs").isFalse();

      launcher.destroy();

      assertThat(launcher.waitFor(2, TimeUnit.MINUTES)).as("launcher exited").isTrue();
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
          assertThat(launched.stream().filter(ProcessHandle::isAlive).map(LocalStackStopTests::describe))
              .as("processes the launcher had started").isEmpty());
      assertThat(launched).as("it had launched Kafka and a service").hasSizeGreaterThanOrEqualTo(2);
      assertThat(free(postgresPort)).as("PostgreSQL stopped").isTrue();
    } finally {
      launcher.descendants().forEach(ProcessHandle::destroyForcibly);
      launcher.destroyForcibly();
    }
  }

  private static boolean free(int port) throws IOException {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return socket.isBound();
    } catch (java.net.BindException taken) {
      return false;
    }
  }

  private static boolean isService(ProcessHandle process) {
    return process.info().commandLine().orElse("").contains("gateway.jar");
  }

  private static String describe(ProcessHandle process) {
    return process.pid() + " " + process.info().commandLine().orElse("?");
  }
}

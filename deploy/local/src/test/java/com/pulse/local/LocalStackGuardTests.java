package com.pulse.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local stack against careless use (issue 11, item 10), on free ports: a second start on the same data refuses at
 * once and touches nothing; a start that fails stops everything it had started and releases the data directory.
 */
class LocalStackGuardTests {

  @TempDir Path data;
  @TempDir Path emptyRepository;

  @Test
  void aSecondStartOnTheSameDataRefusesAtOnceAndTouchesNothing() throws IOException {
    Path running = Files.writeString(data.resolve("running-stack-data"), "precious");
    try (StackLock first = StackLock.acquire(data)) {
      long started = System.nanoTime();

      assertThatThrownBy(() -> LocalStack.start(options()))
          .isInstanceOf(StackLock.AlreadyRunningException.class)
          .hasMessageStartingWith("Pulse is already running, pid " + ProcessHandle.current().pid());

      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
      assertThat(running).hasContent("precious");
      assertThat(data.resolve(StackLock.FILE)).hasContent(Long.toString(ProcessHandle.current().pid()));
    }
  }

  /** The jars are missing here, so the gateway cannot start after PostgreSQL and Kafka did. */
  @Test
  void aFailedStartStopsEverythingItStartedAndReleasesTheData() throws IOException {
    LocalStackOptions options = options();

    assertThatThrownBy(() -> LocalStack.start(options)).hasMessageContaining("is missing");

    assertThat(free(options.ports().postgres())).as("PostgreSQL stopped").isTrue();
    assertThat(free(options.ports().kafka())).as("Kafka stopped").isTrue();
    assertThat(free(options.ports().kafkaController())).as("Kafka's controller stopped").isTrue();
    try (StackLock again = StackLock.acquire(data)) {
      assertThat(again).isNotNull();
    }
  }

  private LocalStackOptions options() {
    return new LocalStackOptions(emptyRepository, data, false, LocalStackOptions.Ports.free());
  }

  private static boolean free(int port) throws IOException {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return socket.isBound();
    } catch (java.net.BindException taken) {
      return false;
    }
  }
}

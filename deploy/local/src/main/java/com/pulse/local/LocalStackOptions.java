package com.pulse.local;

import com.pulse.servers.LocalProcesses;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * How to run the stack.
 *
 * @param root the repository, where each service's jar is built ({@code <module>/target/<module>.jar})
 * @param dataDirectory PostgreSQL and Kafka data, the gateway's signing key, and every process's log
 * @param keepData reuse the data of the previous run instead of starting empty
 * @param ports where everything listens; {@link Ports#free()} for tests
 * @param gatewayEnvironment extra environment of the gateway, e.g. a benchmark's own rate limits
 *     ({@code PULSE_RATE_USER_PER_SECOND}), so the defaults can protect a real deployment
 */
public record LocalStackOptions(Path root, Path dataDirectory, boolean keepData, Ports ports,
    Map<String, String> gatewayEnvironment) {

  public LocalStackOptions {
    gatewayEnvironment = Map.copyOf(gatewayEnvironment);
  }

  public LocalStackOptions(Path root, Path dataDirectory, boolean keepData, Ports ports) {
    this(root, dataDirectory, keepData, ports, Map.of());
  }

  public LocalStackOptions withGatewayEnvironment(Map<String, String> environment) {
    return new LocalStackOptions(root, dataDirectory, keepData, ports, environment);
  }

  /**
   * Ports of the stack.
   *
   * @param notification one port per notification-service instance
   */
  public record Ports(int gateway, int ocs, int spc, int journey, int vote, int[] notification, int postgres,
      int kafka, int kafkaController) {

    /** The well-known ports the README documents; notification-service instances on 8085, 8086, ... */
    public static Ports standard(int notificationInstances) {
      return new Ports(8080, 8081, 8082, 8083, 8084,
          IntStream.range(0, notificationInstances).map(i -> 8085 + i).toArray(), 15432, 19092, 19093);
    }

    public static Ports standard() {
      return standard(1);
    }

    /** Free ports, so a test stack runs beside a developer's own. */
    public static Ports free(int notificationInstances) {
      return new Ports(LocalProcesses.freePort(), LocalProcesses.freePort(), LocalProcesses.freePort(),
          LocalProcesses.freePort(), LocalProcesses.freePort(),
          IntStream.range(0, notificationInstances).map(i -> LocalProcesses.freePort()).toArray(),
          LocalProcesses.freePort(), LocalProcesses.freePort(), LocalProcesses.freePort());
    }

    public static Ports free() {
      return free(1);
    }
  }
}

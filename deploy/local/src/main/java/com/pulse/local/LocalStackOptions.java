package com.pulse.local;

import com.pulse.servers.LocalProcesses;
import java.nio.file.Path;

/**
 * How to run the stack.
 *
 * @param root the repository, where each service's jar is built ({@code <module>/target/<module>.jar})
 * @param dataDirectory PostgreSQL and Kafka data, the gateway's signing key, and every process's log
 * @param keepData reuse the data of the previous run instead of starting empty
 * @param ports where everything listens; {@link Ports#free()} for tests
 */
public record LocalStackOptions(Path root, Path dataDirectory, boolean keepData, Ports ports) {

  /**
   * Ports of the stack.
   *
   * @param notification one port per notification-service instance
   */
  public record Ports(int gateway, int ocs, int[] notification, int postgres, int kafka, int kafkaController) {

    /** The well-known ports the README documents. */
    public static Ports standard() {
      return new Ports(8080, 8081, new int[] {8085}, 15432, 19092, 19093);
    }

    /** Free ports, so a test stack runs beside a developer's own. */
    public static Ports free() {
      return new Ports(LocalProcesses.freePort(), LocalProcesses.freePort(), new int[] {LocalProcesses.freePort()},
          LocalProcesses.freePort(), LocalProcesses.freePort(), LocalProcesses.freePort());
    }
  }
}

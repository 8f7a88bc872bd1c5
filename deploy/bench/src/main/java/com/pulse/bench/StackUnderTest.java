package com.pulse.bench;

import com.pulse.local.LocalStack;
import com.pulse.local.LocalStackOptions;
import com.pulse.local.PulseLocal;
import com.pulse.local.StartupCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stack a benchmark measures: its own local stack on free ports (started here, stopped on exit), or one already
 * running ({@code --gateway=http://localhost:8080}, then {@code --data=.pulse-data} for its signing key and the
 * README's standard ports for its processes). Either way: the gateway's URL, tokens for any user signed with the
 * stack's own key, the PostgreSQL databases, and each process's CPU.
 */
public final class StackUnderTest {

  private final String gatewayUrl;
  private final Path dataDirectory;
  private final LocalStackOptions.Ports ports;

  private StackUnderTest(String gatewayUrl, Path dataDirectory, LocalStackOptions.Ports ports) {
    this.gatewayUrl = gatewayUrl;
    this.dataDirectory = dataDirectory;
    this.ports = ports;
  }

  /**
   * Reads {@code --gateway} and {@code --data}; without {@code --gateway} starts a stack whose per-user rate limit
   * is far above the default that protects services (the benchmarks drive thousands of requests per second with a
   * few users).
   */
  public static StackUnderTest from(Options options) throws IOException {
    String gateway = options.text("gateway");
    Path data = Path.of(options.text("data", ".pulse-data"));
    options.rejectUnknown();
    if (gateway != null) {
      System.out.println("Using the stack at " + gateway + " (data " + data.toAbsolutePath()
          + ", processes on the standard ports)");
      return new StackUnderTest(gateway, data, LocalStackOptions.Ports.standard());
    }
    // caches a stack trained earlier are used; none is trained now, its CPU would be counted as the stack's
    if (System.getProperty(StartupCache.SWITCH) == null) {
      System.setProperty(StartupCache.SWITCH, "use");
    }
    Path own = Files.createTempDirectory("pulse-bench");
    System.out.println("Starting the local stack (data in " + own + ") ...");
    LocalStack stack = LocalStack.start(new LocalStackOptions(PulseLocal.repositoryRoot(), own, false,
        LocalStackOptions.Ports.free()).withGatewayEnvironment(Map.of("PULSE_RATE_USER_PER_SECOND", "100000",
            "PULSE_RATE_USER_BURST", "100000")));
    // also on Ctrl-C: the stack's servers are processes of their own and would outlive us
    Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "bench-stack-stop"));
    return new StackUnderTest(stack.gatewayUrl(), own, stack.options().ports());
  }

  public String gatewayUrl() {
    return gatewayUrl;
  }

  /** The gateway's URL as {@code ws://…}. */
  public String socketUrl() {
    return gatewayUrl.replaceFirst("^http", "ws");
  }

  /** Signs tokens for any user with the gateway's own key (its sign-in knows only the demo users). */
  public StackTokens tokens() {
    return StackTokens.fromKeyFile(dataDirectory.resolve("gateway").resolve("signing-key.json"), gatewayUrl);
  }

  /** JDBC URL of one of the stack's databases (user and password {@code postgres}). */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + ports.postgres() + "/" + database;
  }

  /** The stack's processes by the port each listens on; notification-service instances numbered when several. */
  public Map<String, Integer> processPorts() {
    Map<String, Integer> processes = new LinkedHashMap<>();
    processes.put("gateway", ports.gateway());
    processes.put("ocs", ports.ocs());
    processes.put("spc", ports.spc());
    processes.put("journey", ports.journey());
    processes.put("vote", ports.vote());
    int[] notification = ports.notification();
    for (int i = 0; i < notification.length; i++) {
      processes.put(notification.length == 1 ? "notification" : "notification-" + (i + 1), notification[i]);
    }
    processes.put("kafka", ports.kafka());
    processes.put("postgres", ports.postgres());
    return processes;
  }

  /** CPU readings of every process of the stack and of this benchmark. */
  public StackCpu cpu() {
    return StackCpu.listeningOn(processPorts());
  }
}

package com.pulse.bench.gateway;

import com.pulse.bench.GatewayTokens;
import com.pulse.local.PulseLocal;
import com.pulse.local.ServiceProcess;
import com.pulse.servers.LocalProcesses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real gateway ({@code gateway/target/gateway.jar}) as its own JVM on a free port, profile {@code local} (demo
 * users), stopped on {@link #close()} and also when the benchmark is interrupted (Ctrl-C): it would outlive us.
 */
public final class GatewayProcess implements AutoCloseable {

  private final ServiceProcess process;

  private GatewayProcess(ServiceProcess process) {
    this.process = process;
  }

  /**
   * @param environment e.g. {@code OCS_URL} and raised limits (see the gateway's application.yml)
   * @param properties extra Spring properties, e.g. {@code pulse.gateway.access-log=false}
   * @param jvmOptions after the stack's own (a later {@code -Xmx} wins)
   */
  public static GatewayProcess start(Map<String, String> environment, Map<String, String> properties,
      List<String> jvmOptions) throws IOException {
    Path jar = PulseLocal.repositoryRoot().resolve("gateway").resolve("target").resolve("gateway.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: build it with "
          + "./mvnw -B -q --no-transfer-progress package -DskipTests -pl gateway -am");
    }
    Path logs = Files.createTempDirectory("pulse-gateway-bench");
    Map<String, String> all = new LinkedHashMap<>();
    all.put("spring.profiles.active", "local");
    // a key file, so the log does not warn about an in-memory key on every start
    all.put("pulse.auth.key-file", logs.resolve("signing-key.json").toString());
    all.putAll(properties);
    ServiceProcess process = ServiceProcess.start("gateway", jar, LocalProcesses.freePort(), all, environment,
        logs, jvmOptions);
    GatewayProcess gateway = new GatewayProcess(process);
    Runtime.getRuntime().addShutdownHook(new Thread(process::close, "gateway-stop"));
    System.out.printf("gateway pid %d on port %d, log %s%n", process.pid(), process.port(), process.log());
    process.awaitHealthy(Duration.ofMinutes(2));
    return gateway;
  }

  public String url() {
    return "http://127.0.0.1:" + process.port();
  }

  public long pid() {
    return process.pid();
  }

  Path log() {
    return process.log();
  }

  String token(String username) throws IOException, InterruptedException {
    return GatewayTokens.fetch(url(), username);
  }

  /** SIGTERM, graceful; idempotent, so the shutdown hook may run it again. */
  @Override
  public void close() {
    process.close();
  }
}

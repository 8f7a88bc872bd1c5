package com.pulse.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Prometheus configuration {@code --monitoring} writes: every process scraped, labelled, the rules loaded. */
class LocalMonitoringTests {

  private static final List<LocalMonitoring.Target> PROCESSES = List.of(new LocalMonitoring.Target("gateway", 8080),
      new LocalMonitoring.Target("ocs-service", 8081), new LocalMonitoring.Target("notification-service-1", 8085),
      new LocalMonitoring.Target("notification-service-2", 8086));

  @Test
  void everyProcessIsScrapedWithTheServiceLabelTheRulesGroupBy() {
    String config = LocalMonitoring.config(rules(), PROCESSES);

    assertThat(config).contains("127.0.0.1:8080", "127.0.0.1:8081", "127.0.0.1:8085", "127.0.0.1:8086")
        .contains("service: notification-service, process: notification-service-2")
        .contains("metrics_path: /actuator/prometheus")
        .contains(rules().toAbsolutePath() + "/*.yml");
  }

  @Test
  void promtoolAcceptsTheConfigurationWithTheRepositorysRules(@TempDir Path directory) throws Exception {
    Path promtool = Path.of("/usr/bin/promtool");
    assumeTrue(Files.isExecutable(promtool), "promtool is not installed (Debian: apt-get install prometheus)");
    Path config = directory.resolve("prometheus.yml");
    Files.writeString(config, LocalMonitoring.config(rules(), PROCESSES));

    Process check = new ProcessBuilder(promtool.toString(), "check", "config", config.toString())
        .redirectErrorStream(true).start();
    assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(check.exitValue()).as(output).isZero();
    assertThat(output).contains("SUCCESS").doesNotContain("FAILED");
  }

  private static Path rules() {
    try {
      return PulseLocal.repositoryRoot().resolve("deploy/monitoring/rules").toRealPath();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}

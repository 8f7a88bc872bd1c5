package com.pulse.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code --monitoring}: a real Prometheus (the {@code prometheus} binary on the PATH, e.g. Debian's package) scraping
 * every process of the local stack with Pulse's alert rules loaded, so dashboards' queries and alerts can be tried
 * against live metrics. Listens on loopback only; its data lives beside the stack's.
 */
final class LocalMonitoring implements AutoCloseable {

  static final int PORT = 9090;

  private final Process prometheus;

  private LocalMonitoring(Process prometheus) {
    this.prometheus = prometheus;
  }

  /** The Prometheus binary, if one is installed. */
  static Optional<Path> binary() {
    return List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
        .map(dir -> Path.of(dir, "prometheus"))
        .filter(Files::isExecutable)
        .findFirst();
  }

  static LocalMonitoring start(Path binary, LocalStack stack) {
    Path directory = stack.options().dataDirectory().resolve("prometheus");
    try {
      Files.createDirectories(directory);
      Path config = directory.resolve("prometheus.yml");
      Files.writeString(config, config(stack.options().root().resolve("deploy/monitoring/rules"),
          stack.services().stream().map(service -> new Target(service.name(), service.port())).toList()));
      Process process = new ProcessBuilder(binary.toString(), "--config.file=" + config,
          "--storage.tsdb.path=" + directory.resolve("data"), "--web.listen-address=127.0.0.1:" + PORT)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("prometheus.log").toFile()))
          .start();
      return new LocalMonitoring(process);
    } catch (IOException e) {
      throw new UncheckedIOException("Prometheus did not start", e);
    }
  }

  /** Scrape jobs with the {@code service} label the dashboards and rules group by, and the rules of the repository. */
  static String config(Path rules, List<Target> processes) {
    String targets = processes.stream()
        .map(process -> "      - targets: [\"127.0.0.1:" + process.port() + "\"]\n"
            + "        labels: { service: " + serviceLabel(process.name()) + ", process: " + process.name() + " }\n")
        .collect(Collectors.joining());
    return """
        # written by the local stack (--monitoring); the compose and Kubernetes stacks have their own
        global:
          scrape_interval: 5s
          evaluation_interval: 5s
        rule_files:
          - %s/*.yml
        scrape_configs:
          - job_name: pulse
            metrics_path: /actuator/prometheus
            static_configs:
        %s""".formatted(rules.toAbsolutePath(), targets);
  }

  /** One process to scrape. */
  record Target(String name, int port) {}

  /** {@code notification-service-2} is one instance of {@code notification-service}. */
  static String serviceLabel(String processName) {
    return processName.replaceFirst("^(notification-service)-\\d+$", "$1");
  }

  String url() {
    return "http://127.0.0.1:" + PORT;
  }

  @Override
  public void close() {
    prometheus.destroy();
    try {
      if (!prometheus.waitFor(Duration.ofSeconds(10).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
        prometheus.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      prometheus.destroyForcibly();
    }
  }
}

package com.pulse.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** deploy/compose/compose.yaml against what the services read, and against itself. */
class ComposeTests {

  private static final Path COMPOSE = Repository.path("deploy/compose");
  private static final Map<String, Object> SERVICES = Yaml.map(Yaml.document(COMPOSE.resolve("compose.yaml"))
      .get("services"));
  private static final Set<String> INFRASTRUCTURE = Set.of("kafka", "postgres", "prometheus", "grafana");

  @Test
  void everyDeployableRunsAndNotificationServiceTwice() {
    Set<String> pulse = pulseServices().keySet();

    assertThat(SERVICES.keySet()).containsAll(INFRASTRUCTURE);
    assertThat(pulse).containsExactlyInAnyOrder("gateway", "ocs-service", "spc-service", "journey-service",
        "vote-service", "notification-service-1", "notification-service-2");
  }

  @Test
  void everyVariableIsOneTheServiceReadsAndThePortIsItsOwn() {
    pulseServices().forEach((name, service) -> {
      Deployable deployable = deployableOf(name);
      ServiceSettings settings = deployable.settings();
      Map<String, Object> environment = Yaml.map(service.get("environment"));

      assertThat(service.get("image")).isEqualTo("pulse/" + deployable.name() + ":0.1.0-SNAPSHOT");
      assertThat(environment.keySet()).allSatisfy(variable -> assertThat(settings.reads(variable))
          .as("%s sets %s, which %s does not read", name, variable, settings.source()).isTrue());
      assertThat(settings.defaultPort()).as("the port %s listens on by default", deployable.name())
          .isEqualTo(deployable.port());
      assertThat(environment.get("PORT")).isEqualTo(deployable.port());
      assertThat(String.join(" ", healthcheck(service))).contains("/dev/tcp/127.0.0.1/" + deployable.port())
          .contains("/actuator/health/readiness");
      String profiles = (String) environment.get("SPRING_PROFILES_ACTIVE");
      if (profiles != null) {
        assertThat(settings.profiles()).containsAll(Arrays.asList(profiles.split(",")));
      }
    });
  }

  @Test
  void eachServiceUsesItsOwnDatabaseAndRole() {
    String databases = (String) Yaml.map(Yaml.map(SERVICES.get("postgres")).get("environment")).get("PULSE_DATABASES");
    pulseServices().forEach((name, service) -> {
      Deployable deployable = deployableOf(name);
      Map<String, Object> environment = Yaml.map(service.get("environment"));
      if (deployable.database() == null) {
        assertThat(environment).doesNotContainKey("SPRING_DATASOURCE_URL");
        return;
      }
      assertThat(environment).containsEntry("SPRING_DATASOURCE_URL",
          "jdbc:postgresql://postgres:5432/" + deployable.database())
          .containsEntry("SPRING_DATASOURCE_USERNAME", deployable.database())
          .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
      assertThat(databases.split(" ")).contains(deployable.database());
    });
    assertThat(Yaml.map(Yaml.map(SERVICES.get("kafka")).get("environment")))
        .containsEntry("KAFKA_ADVERTISED_LISTENERS", "PLAINTEXT://kafka:9092");
  }

  /** The gateway's service addresses name running services on their own ports; notification-service's both. */
  @Test
  void theGatewayRoutesToEveryServiceOnItsPort() {
    Map<String, Object> environment = Yaml.map(Yaml.map(SERVICES.get("gateway")).get("environment"));
    Map<String, String> routes = Map.of("OCS_URL", "ocs-service", "SPC_URL", "spc-service",
        "JOURNEY_URL", "journey-service", "VOTE_URL", "vote-service", "NOTIFICATION_URL", "notification-service");

    routes.forEach((variable, deployable) -> {
      List<String> urls = Arrays.asList(((String) environment.get(variable)).split(","));
      List<String> instances = pulseServices().keySet().stream()
          .filter(name -> deployableOf(name).name().equals(deployable)).sorted().toList();
      assertThat(urls).containsExactlyElementsOf(instances.stream()
          .map(instance -> "http://" + instance + ":" + Deployable.named(deployable).port()).toList());
    });
  }

  @Test
  void everythingHasAHealthcheckAndStartsAfterWhatItNeedsIsHealthy() {
    SERVICES.forEach((name, value) -> {
      Map<String, Object> service = Yaml.map(value);
      assertThat(healthcheck(service)).as("healthcheck of %s", name).isNotEmpty();
      Yaml.map(service.get("depends_on")).forEach((dependency, condition) -> {
        assertThat(SERVICES).containsKey(dependency);
        assertThat(Yaml.map(condition)).as("%s waits for %s", name, dependency)
            .containsEntry("condition", "service_healthy");
      });
    });
    pulseServices().forEach((name, service) -> {
      if (!name.equals("gateway")) {
        assertThat(Yaml.map(service.get("depends_on"))).containsKeys("postgres", "kafka");
      }
    });
  }

  @Test
  void onlyTheGatewayAndTheMonitoringPublishPorts() {
    Set<String> publishing = SERVICES.entrySet().stream()
        .filter(entry -> Yaml.map(entry.getValue()).containsKey("ports")).map(Map.Entry::getKey)
        .collect(Collectors.toSet());

    assertThat(publishing).containsExactlyInAnyOrder("gateway", "prometheus", "grafana");
    assertThat(Yaml.list(Yaml.map(SERVICES.get("gateway")).get("ports"))).containsExactly("8080:8080");
  }

  /** Prometheus scrapes every Pulse container on its port, labelled with the deployable's name. */
  @Test
  void prometheusScrapesEveryServiceAndMountedFilesExist() {
    Map<String, Object> config = Yaml.document(COMPOSE.resolve("prometheus/prometheus.yml"));
    Map<String, String> targets = new java.util.HashMap<>();
    for (Object job : Yaml.list(config.get("scrape_configs"))) {
      assertThat(Yaml.map(job)).containsEntry("metrics_path", "/actuator/prometheus");
      for (Object group : Yaml.list(Yaml.map(job).get("static_configs"))) {
        String service = (String) Yaml.map(Yaml.map(group).get("labels")).get("service");
        Yaml.list(Yaml.map(group).get("targets")).forEach(target -> targets.put((String) target, service));
      }
    }

    pulseServices().keySet().forEach(name -> assertThat(targets)
        .containsEntry(name + ":" + deployableOf(name).port(), deployableOf(name).name()));
    SERVICES.values().forEach(service -> Yaml.list(Yaml.map(service).get("volumes")).stream()
        .map(volume -> ((String) volume).split(":")[0]).filter(source -> source.startsWith("."))
        .forEach(source -> assertThat(Files.exists(COMPOSE.resolve(source))).as("%s exists", source).isTrue()));
  }

  private static Map<String, Map<String, Object>> pulseServices() {
    return SERVICES.entrySet().stream().filter(entry -> !INFRASTRUCTURE.contains(entry.getKey()))
        .collect(Collectors.toMap(Map.Entry::getKey, entry -> Yaml.map(entry.getValue())));
  }

  /** notification-service-2 is an instance of notification-service. */
  private static Deployable deployableOf(String composeService) {
    return Deployable.named(composeService.replaceFirst("-\\d+$", ""));
  }

  private static List<String> healthcheck(Map<String, Object> service) {
    return Yaml.list(Yaml.map(service.get("healthcheck")).get("test")).stream().map(String::valueOf).toList();
  }
}

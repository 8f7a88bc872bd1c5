package com.pulse.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Every deployable's Deployment, Service, PodDisruptionBudget and autoscaler, by the rules of issue 17. */
class KubernetesWorkloadTests {

  static final List<Deployable> deployables = Deployable.ALL;
  private static final List<Manifest> BASE = Manifests.base();
  /** Spring Boot's default spring.lifecycle.timeout-per-shutdown-phase: the graceful shutdown's own bound. */
  private static final int SHUTDOWN_PHASE_SECONDS = 30;

  @ParameterizedTest
  @FieldSource("deployables")
  void probesAreActuatorsGroupsOnTheServicePort(Deployable deployable) {
    Container container = container(deployable);

    assertThat(container.getPorts()).singleElement()
        .satisfies(port -> assertThat(port.getContainerPort()).isEqualTo(deployable.port()));
    assertThat(path(container.getStartupProbe())).isEqualTo("/actuator/health/liveness");
    assertThat(path(container.getLivenessProbe())).isEqualTo("/actuator/health/liveness");
    assertThat(path(container.getReadinessProbe())).isEqualTo("/actuator/health/readiness");
    // a slow start is the startup probe's to judge, never a liveness restart loop
    assertThat(container.getStartupProbe().getFailureThreshold() * container.getStartupProbe().getPeriodSeconds())
        .isGreaterThanOrEqualTo(120);
  }

  @ParameterizedTest
  @FieldSource("deployables")
  void everyContainerHasRequestsAndLimitsAndRunsAsNobodyOnAReadOnlyRoot(Deployable deployable) {
    Deployment deployment = deployment(deployable);
    Container container = container(deployable);
    Map<String, Quantity> requests = container.getResources().getRequests();
    Map<String, Quantity> limits = container.getResources().getLimits();

    assertThat(requests).containsKeys("cpu", "memory");
    assertThat(limits).containsKeys("cpu", "memory");
    // the JVM sizes its heap from the limit (-XX:MaxRAMPercentage): a request below it invites the OOM killer
    assertThat(Quantity.getAmountInBytes(requests.get("memory")))
        .isEqualTo(Quantity.getAmountInBytes(limits.get("memory")));
    assertThat(deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(container.getImage()).isEqualTo("pulse/" + deployable.name() + ":0.1.0-SNAPSHOT");
  }

  @ParameterizedTest
  @FieldSource("deployables")
  void aServiceAndADisruptionBudgetSelectTheDeployment(Deployable deployable) {
    Map<String, String> labels = deployment(deployable).getSpec().getTemplate().getMetadata().getLabels();
    Service service = Manifests.find(BASE, "Service", deployable.name()).as(Service.class);
    PodDisruptionBudget budget = Manifests.find(BASE, "PodDisruptionBudget", deployable.name())
        .as(PodDisruptionBudget.class);

    assertThat(labels).containsAllEntriesOf(service.getSpec().getSelector());
    assertThat(service.getSpec().getPorts()).singleElement()
        .satisfies(port -> assertThat(port.getPort()).isEqualTo(deployable.port()));
    assertThat(labels).containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
    assertThat(budget.getSpec().getMinAvailable().getIntVal()).isLessThan(deployment(deployable).getSpec().getReplicas());
  }

  @ParameterizedTest
  @FieldSource("deployables")
  void everyVariableIsOneTheServiceReadsAndEveryReferenceExists(Deployable deployable) {
    ServiceSettings settings = deployable.settings();
    Container container = container(deployable);

    for (EnvVar variable : container.getEnv()) {
      assertThat(settings.reads(variable.getName()))
          .as("%s sets %s, which %s does not read", deployable.name(), variable.getName(), settings.source())
          .isTrue();
      if (variable.getValueFrom() != null && variable.getValueFrom().getConfigMapKeyRef() != null) {
        var ref = variable.getValueFrom().getConfigMapKeyRef();
        assertThat(Yaml.map(Manifests.find(BASE, "ConfigMap", ref.getName()).document().get("data")))
            .containsKey(ref.getKey());
      }
      if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
        assertThat(Secrets.keys(BASE, variable.getValueFrom().getSecretKeyRef().getName()))
            .contains(variable.getValueFrom().getSecretKeyRef().getKey());
      }
    }
    for (EnvFromSource source : container.getEnvFrom()) {
      Map<String, Object> data = Yaml.map(Manifests.find(BASE, "ConfigMap", source.getConfigMapRef().getName())
          .document().get("data"));
      assertThat(data.keySet()).allSatisfy(variable -> assertThat(settings.reads(variable))
          .as("%s gets %s from %s, which %s does not read", deployable.name(), variable,
              source.getConfigMapRef().getName(), settings.source()).isTrue());
    }
    deployment(deployable).getSpec().getTemplate().getSpec().getVolumes().stream()
        .filter(volume -> volume.getSecret() != null)
        .forEach(volume -> assertThat(Secrets.keys(BASE, volume.getSecret().getSecretName())).isNotEmpty());
    String port = container.getEnv().stream().filter(v -> v.getName().equals("PORT")).findFirst()
        .map(EnvVar::getValue).orElse(String.valueOf(settings.defaultPort()));
    assertThat(Integer.parseInt(port)).isEqualTo(deployable.port());
  }

  @ParameterizedTest
  @FieldSource("deployables")
  void theFabric8ModelKnowsEveryField(Deployable deployable) {
    for (String kind : List.of("Deployment", "Service", "PodDisruptionBudget")) {
      Manifest manifest = Manifests.find(BASE, kind, deployable.name());
      Object model = switch (kind) {
        case "Deployment" -> manifest.as(Deployment.class);
        case "Service" -> manifest.as(Service.class);
        default -> manifest.as(PodDisruptionBudget.class);
      };
      assertThat(UnknownFields.of(model)).as("fields the model does not know in %s", manifest).isEmpty();
    }
  }

  /** Sockets are told 1012 and drained before the pod is killed: preStop, then the graceful shutdown's phase. */
  @org.junit.jupiter.api.Test
  void notificationServiceDrainsItsSocketsBeforeItIsKilled() {
    Deployment deployment = deployment(Deployable.named("notification-service"));
    Container container = container(Deployable.named("notification-service"));
    List<String> preStop = container.getLifecycle().getPreStop().getExec().getCommand();

    assertThat(preStop).first().isEqualTo("sleep");
    int sleep = Integer.parseInt(preStop.get(1));
    assertThat(sleep).isGreaterThanOrEqualTo(10);
    assertThat(deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds())
        .isGreaterThanOrEqualTo((long) sleep + SHUTDOWN_PHASE_SECONDS + 10);
  }

  @org.junit.jupiter.api.Test
  void theGatewayAndNotificationServiceScaleOutAndNothingElseDoes() {
    List<HorizontalPodAutoscaler> autoscalers = Manifests.ofKind(BASE, "HorizontalPodAutoscaler")
        .map(m -> m.as(HorizontalPodAutoscaler.class)).toList();

    assertThat(autoscalers).extracting(hpa -> hpa.getSpec().getScaleTargetRef().getName())
        .containsExactlyInAnyOrder("gateway", "notification-service");
    assertThat(autoscalers).allSatisfy(hpa -> {
      assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
      assertThat(hpa.getSpec().getMaxReplicas()).isGreaterThan(hpa.getSpec().getMinReplicas());
      assertThat(UnknownFields.of(hpa)).isEmpty();
      Manifests.find(BASE, "Deployment", hpa.getSpec().getScaleTargetRef().getName());
    });
  }

  private static Deployment deployment(Deployable deployable) {
    return Manifests.find(BASE, "Deployment", deployable.name()).as(Deployment.class);
  }

  private static Container container(Deployable deployable) {
    List<Container> containers = deployment(deployable).getSpec().getTemplate().getSpec().getContainers();
    assertThat(containers).hasSize(1);
    return containers.getFirst();
  }

  private static String path(Probe probe) {
    assertThat(probe).isNotNull();
    HTTPGetAction get = probe.getHttpGet();
    assertThat(get.getPort().getStrVal()).isEqualTo("http");
    return get.getPath();
  }
}

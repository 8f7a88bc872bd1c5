package com.pulse.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Who may talk to whom: only the gateway from outside, each database from its own service only. */
class KubernetesNetworkTests {

  private static final List<Manifest> BASE = Manifests.base();
  private static final List<NetworkPolicy> POLICIES = Manifests.ofKind(BASE, "NetworkPolicy")
      .map(m -> m.as(NetworkPolicy.class)).toList();
  private static final String NAME = "app.kubernetes.io/name";

  @Test
  void everyPodIsClosedUnlessAPolicyOpensIt() {
    assertThat(POLICIES).anySatisfy(policy -> {
      assertThat(policy.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
      assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress");
      assertThat(policy.getSpec().getIngress()).isNullOrEmpty();
    });
    assertThat(POLICIES).allSatisfy(policy -> assertThat(UnknownFields.of(policy)).isEmpty());
  }

  @Test
  void onlyTheGatewayIsReachableFromAnywhere() {
    Set<String> open = POLICIES.stream()
        .filter(policy -> policy.getSpec().getIngress().stream().anyMatch(rule -> rule.getFrom().isEmpty()))
        .map(policy -> policy.getSpec().getPodSelector().getMatchLabels().get(NAME))
        .collect(Collectors.toSet());

    assertThat(open).containsExactly("gateway");
  }

  @Test
  void everyServiceIsReachedOnlyFromTheGatewayAndPrometheus() {
    for (Deployable deployable : Deployable.ALL) {
      if (deployable.name().equals("gateway")) {
        continue;
      }
      List<NetworkPolicyPeer> peers = peersOf(Map.of(NAME, deployable.name()));
      assertThat(peers).as("who reaches %s", deployable.name()).allSatisfy(peer -> {
        if (peer.getPodSelector() != null) {
          assertThat(peer.getPodSelector().getMatchLabels()).containsExactly(Map.entry(NAME, "gateway"));
        } else {
          assertThat(peer.getNamespaceSelector().getMatchLabels())
              .containsExactly(Map.entry("kubernetes.io/metadata.name", "monitoring"));
        }
      });
    }
  }

  /** A database's pods admit their own service's pods and their own instances, nobody else's. */
  @Test
  void eachDatabaseIsReachedOnlyByItsOwnService() {
    for (Deployable deployable : Deployable.ALL) {
      if (deployable.database() == null) {
        continue;
      }
      List<NetworkPolicyPeer> podPeers = peersOf(Map.of("cnpg.io/cluster", deployable.databaseCluster())).stream()
          .filter(peer -> peer.getPodSelector() != null).toList();
      Set<String> services = podPeers.stream().map(peer -> peer.getPodSelector().getMatchLabels().get(NAME))
          .filter(Objects::nonNull).collect(Collectors.toSet());

      assertThat(services).as("services reaching %s", deployable.databaseCluster())
          .containsExactly(deployable.name());
      assertThat(podPeers).allSatisfy(peer -> assertThat(peer.getPodSelector().getMatchLabels())
          .isIn(Map.of(NAME, deployable.name()), Map.of("cnpg.io/cluster", deployable.databaseCluster())));
    }
  }

  /** And each service is configured for its own database, not a neighbour's. */
  @Test
  void eachServiceConnectsToItsOwnDatabase() {
    for (Deployable deployable : Deployable.ALL) {
      List<EnvVar> env = Manifests.find(BASE, "Deployment", deployable.name()).as(Deployment.class)
          .getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv();
      var url = env.stream().filter(v -> v.getName().equals("SPRING_DATASOURCE_URL")).findFirst();
      if (deployable.database() == null) {
        assertThat(url).isEmpty();
        continue;
      }
      assertThat(url.orElseThrow().getValue()).isEqualTo(
          "jdbc:postgresql://" + deployable.databaseCluster() + "-rw:5432/" + deployable.database());
      assertThat(env).filteredOn(v -> v.getValueFrom() != null && v.getValueFrom().getSecretKeyRef() != null)
          .allSatisfy(v -> assertThat(v.getValueFrom().getSecretKeyRef().getName())
              .isEqualTo(deployable.databaseCluster() + "-app"));
    }
  }

  /** Every peer allowed into pods carrying all of the given labels (by any policy selecting them). */
  private static List<NetworkPolicyPeer> peersOf(Map<String, String> podLabels) {
    List<NetworkPolicy> selecting = POLICIES.stream()
        .filter(policy -> selects(policy.getSpec().getPodSelector(), podLabels)).toList();
    assertThat(selecting).as("policies for pods %s", podLabels).isNotEmpty();
    List<NetworkPolicyIngressRule> rules = selecting.stream()
        .flatMap(policy -> policy.getSpec().getIngress().stream()).toList();
    assertThat(rules).allSatisfy(rule -> assertThat(rule.getFrom()).as("an ingress rule open to anyone").isNotEmpty());
    return rules.stream().flatMap(rule -> rule.getFrom().stream()).toList();
  }

  private static boolean selects(LabelSelector selector, Map<String, String> podLabels) {
    Map<String, String> wanted = selector.getMatchLabels();
    return wanted != null && !wanted.isEmpty() && podLabels.entrySet().containsAll(wanted.entrySet());
  }
}

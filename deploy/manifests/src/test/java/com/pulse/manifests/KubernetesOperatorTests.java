package com.pulse.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Kafka and its topics as Strimzi resources, PostgreSQL as CloudNativePG clusters. */
class KubernetesOperatorTests {

  private static final List<Manifest> BASE = Manifests.base();
  private static final List<Manifest> PRODUCTION = Manifests.patches(Manifests.PRODUCTION);
  /**
   * Topics of services being written (spc, journey and vote declare theirs in common-events' Topics, read below);
   * adjust with deploy/k8s/base/kafka/topics.yaml.
   */
  private static final Set<String> PLANNED_TOPICS = Set.of("spc.products.v1", "journey.patients.v1",
      "journey.queues.v1", "vote.polls.v1", "pulse.revocations", "pulse-presence");

  @Test
  void kafkaKeepsEveryWriteOnTwoOfThreeReplicasAndCreatesNoTopicByAccident() {
    Manifest kafka = Manifests.find(BASE, "Kafka", "pulse");
    Map<String, Object> config = Yaml.map(Yaml.at(kafka.document(), "spec", "kafka", "config"));
    Manifest pool = Manifests.ofKind(BASE, "KafkaNodePool").findFirst().orElseThrow();

    assertThat(kafka.apiVersion()).isEqualTo("kafka.strimzi.io/v1beta2");
    assertThat(config).containsEntry("default.replication.factor", 3).containsEntry("min.insync.replicas", 2)
        .containsEntry("auto.create.topics.enable", false);
    assertThat((Integer) pool.spec().get("replicas")).isGreaterThanOrEqualTo(3);
    assertThat(Yaml.list(pool.spec().get("roles"))).containsExactlyInAnyOrder("controller", "broker");
    assertThat(Yaml.map(pool.document().get("metadata")).get("labels"))
        .isEqualTo(Map.of("strimzi.io/cluster", kafka.name()));
  }

  @Test
  void everyTopicHasThreeReplicasTwoInSyncAndAPartitionPerInboxConsumer() {
    int mostNotificationPods = Stream.concat(BASE.stream(), PRODUCTION.stream())
        .filter(m -> m.is("HorizontalPodAutoscaler", "notification-service"))
        .mapToInt(m -> m.as(HorizontalPodAutoscaler.class).getSpec().getMaxReplicas()).max().orElseThrow();
    List<Manifest> topics = Manifests.ofKind(BASE, "KafkaTopic").toList();

    assertThat(topics).isNotEmpty().allSatisfy(topic -> {
      assertThat(topic.spec()).containsEntry("replicas", 3);
      assertThat(Yaml.map(topic.spec().get("config"))).containsEntry("min.insync.replicas", "2");
      assertThat((Integer) topic.spec().get("partitions")).as("partitions of %s", topic)
          .isGreaterThanOrEqualTo(mostNotificationPods);
      assertThat(Yaml.map(topic.document().get("metadata")).get("labels"))
          .isEqualTo(Map.of("strimzi.io/cluster", "pulse"));
    });
  }

  /** Every topic common-events names has its KafkaTopic, and so have the ones the new services will use. */
  @Test
  void everyTopicTheServicesUseIsDeclared() {
    Set<String> declared = Manifests.ofKind(BASE, "KafkaTopic").map(t -> (String) t.spec().get("topicName"))
        .collect(Collectors.toSet());
    Matcher constant = Pattern.compile("static final String \\w+ = \"([^\"]+)\"")
        .matcher(Repository.read(Repository.path("common-events/src/main/java/com/pulse/events/Topics.java")));
    Set<String> named = new java.util.TreeSet<>(PLANNED_TOPICS);
    while (constant.find()) {
      named.add(constant.group(1));
    }

    assertThat(declared).containsAll(named);
  }

  @Test
  void everyServiceDatabaseIsACloudNativePgClusterOwnedByTheService() {
    for (Deployable deployable : Deployable.ALL) {
      if (deployable.database() == null) {
        continue;
      }
      Manifest cluster = Manifests.find(BASE, "Cluster", deployable.databaseCluster());

      assertThat(cluster.apiVersion()).isEqualTo("postgresql.cnpg.io/v1");
      assertThat((Integer) cluster.spec().get("instances")).isGreaterThanOrEqualTo(2);
      assertThat(Yaml.map(Yaml.at(cluster.document(), "spec", "bootstrap", "initdb")))
          .containsEntry("database", deployable.database()).containsEntry("owner", deployable.database());
    }
    assertThat(Manifests.ofKind(BASE, "Cluster")).hasSize(
        (int) Deployable.ALL.stream().filter(d -> d.database() != null).count());
  }
}

package com.pulse.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Dashboards and alert rules read only what the services export (no panel silently empty), every alert has a
 * runbook section and promtool tests that see it fire and stay quiet. promtool itself runs in .ci/run.
 */
class MonitoringTests {

  private static final Path MONITORING = Repository.path("deploy/monitoring");
  private static final Path RUNBOOK = Repository.path("deploy/monitoring/RUNBOOK.md");
  private static final List<Path> RULE_FILES = MonitoredMetrics.ruleFiles();
  private static final List<Path> DASHBOARDS = MonitoredMetrics.dashboards();

  @Test
  void everyMetricTheDashboardsAndRulesReadIsExported() {
    Set<String> known = ExportedMetrics.all();
    List<String> unknown = new ArrayList<>();
    MonitoredMetrics.exportedByServices().forEach((name, where) -> {
      if (!known.contains(name)) {
        unknown.add(name + " in " + where);
      }
    });

    assertThat(unknown).as("metrics no service exports").isEmpty();
  }

  /** The derivation the check relies on: Micrometer's Prometheus names of Pulse's own meters. */
  @Test
  void pulseMetersAreNamedAsMicrometersPrometheusRegistryNamesThem() {
    assertThat(ExportedMetrics.pulse()).contains("pulse_outbox_pending", "pulse_outbox_relay_leader",
        "pulse_outbox_oldest_pending_age_seconds", "pulse_outbox_published_total",
        "pulse_outbox_publish_latency_seconds_bucket", "pulse_notification_connections",
        "pulse_notification_delivery_lag_seconds_bucket", "pulse_notification_disconnects_total",
        "pulse_notification_inbox_write_failures_total");
    assertThat(PromQl.metricNames("histogram_quantile(0.99, sum by (le) (rate(a_bucket{x=\"b\"}[5m]))) "
        + "/ on(job) group_left(y) b_total offset 5m > bool 1e3 and c:ratio_rate5m"))
        .containsExactlyInAnyOrder("a_bucket", "b_total", "c:ratio_rate5m");
  }

  @Test
  void thereIsAnOverviewAndADashboardPerDeployable() {
    JsonMapper json = JsonMapper.builder().build();
    List<String> uids = DASHBOARDS.stream().map(file -> json.readTree(Repository.read(file)))
        .map(dashboard -> {
          dashboard.get("panels").forEach(panel -> assertThat(panel.at("/datasource/uid").asString())
              .as("the provisioned datasource (deploy/compose/grafana)").isEqualTo("prometheus"));
          return dashboard.get("uid").asString();
        }).toList();

    assertThat(uids).doesNotHaveDuplicates().contains("pulse-overview")
        .containsAll(Deployable.ALL.stream().map(d -> "pulse-" + d.name()).toList());
  }

  @Test
  void everyAlertHasASeverityAndARunbookSection() {
    Set<String> sections = new TreeSet<>();
    Matcher heading = Pattern.compile("(?m)^#{2,4} (\\S+)\\s*$").matcher(Repository.read(RUNBOOK));
    while (heading.find()) {
      sections.add(heading.group(1).toLowerCase(Locale.ROOT));
    }

    assertThat(MonitoredMetrics.alerts()).isNotEmpty().allSatisfy(alert -> {
      String name = (String) alert.get("alert");
      assertThat(Yaml.map(alert.get("labels")).get("severity")).as(name).isIn("page", "ticket");
      assertThat(Yaml.map(alert.get("annotations")))
          .containsEntry("runbook", "deploy/monitoring/RUNBOOK.md#" + name.toLowerCase(Locale.ROOT))
          .containsKeys("summary", "description");
      assertThat(sections).as("sections of deploy/monitoring/RUNBOOK.md").contains(name.toLowerCase(Locale.ROOT));
    });
  }

  /** promtool test rules: each alert is seen firing and seen quiet, and every rule file is tested. */
  @Test
  void everyAlertHasUnitTestsFiringAndNotFiring() {
    Set<String> firing = new TreeSet<>();
    Set<String> quiet = new TreeSet<>();
    Set<String> tested = new TreeSet<>();
    for (Path file : Repository.files("deploy/monitoring/tests", ".test.yml")) {
      Map<String, Object> tests = Yaml.document(file);
      Yaml.list(tests.get("rule_files")).forEach(rules -> tested.add(
          file.getParent().resolve((String) rules).normalize().getFileName().toString()));
      for (Object test : Yaml.list(tests.get("tests"))) {
        for (Object check : Yaml.list(Yaml.map(test).get("alert_rule_test"))) {
          String alert = (String) Yaml.map(check).get("alertname");
          (Yaml.list(Yaml.map(check).get("exp_alerts")).isEmpty() ? quiet : firing).add(alert);
        }
      }
    }
    Set<String> alerts = new TreeSet<>();
    MonitoredMetrics.alerts().forEach(alert -> alerts.add((String) alert.get("alert")));

    assertThat(firing).as("alerts seen firing").containsAll(alerts);
    assertThat(quiet).as("alerts seen quiet").containsAll(alerts);
    assertThat(tested).containsAll(RULE_FILES.stream().map(p -> p.getFileName().toString()).toList());
  }
}

package com.pulse.manifests;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the dashboards and alert rules read: every PromQL expression with where it is, and the metric names in them.
 * Public, so the end-to-end tests (deploy/local) can hold a running stack's scrapes to the same list.
 */
public final class MonitoredMetrics {

  private static final List<Path> RULE_FILES = Repository.files("deploy/monitoring/rules", ".yml");
  private static final List<Path> DASHBOARDS = Repository.files("deploy/monitoring/dashboards", ".json");

  private MonitoredMetrics() {}

  /**
   * Every metric a panel or rule reads that a service must export, with the places that read it: recorded series
   * (made by the rules themselves) and {@code up} (made by Prometheus) left out.
   */
  public static Map<String, Set<String>> exportedByServices() {
    Set<String> recorded = recorded();
    Map<String, Set<String>> names = new TreeMap<>();
    expressions().forEach((where, expression) -> PromQl.metricNames(expression).stream()
        .filter(name -> !recorded.contains(name) && !name.equals("up"))
        .forEach(name -> names.computeIfAbsent(name, n -> new TreeSet<>()).add(where)));
    return names;
  }

  static List<Map<String, Object>> rules() {
    List<Map<String, Object>> rules = new ArrayList<>();
    for (Path file : RULE_FILES) {
      for (Object group : Yaml.list(Yaml.document(file).get("groups"))) {
        Yaml.list(Yaml.map(group).get("rules")).forEach(rule -> rules.add(Yaml.map(rule)));
      }
    }
    return rules;
  }

  static List<Map<String, Object>> alerts() {
    return rules().stream().filter(rule -> rule.containsKey("alert")).toList();
  }

  static Set<String> recorded() {
    Set<String> names = new TreeSet<>();
    rules().stream().filter(rule -> rule.containsKey("record")).forEach(rule -> names.add((String) rule.get("record")));
    return names;
  }

  static List<Path> ruleFiles() {
    return RULE_FILES;
  }

  static List<Path> dashboards() {
    return DASHBOARDS;
  }

  /** Every PromQL expression, keyed by where it is. */
  static Map<String, String> expressions() {
    Map<String, String> expressions = new LinkedHashMap<>();
    rules().forEach(rule -> expressions.put("rule " + rule.getOrDefault("alert", rule.get("record")),
        (String) rule.get("expr")));
    JsonMapper json = JsonMapper.builder().build();
    for (Path file : DASHBOARDS) {
      JsonNode dashboard = json.readTree(Repository.read(file));
      dashboard.get("panels").forEach(panel -> panel.get("targets").forEach(target -> expressions.put(
          file.getFileName() + " \"" + panel.get("title").asString() + "\" " + target.get("refId").asString(),
          target.get("expr").asString())));
    }
    return expressions;
  }
}

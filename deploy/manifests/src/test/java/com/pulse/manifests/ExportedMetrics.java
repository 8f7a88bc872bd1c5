package com.pulse.manifests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Prometheus names the services export: Pulse's own meters, found where the code builds them
 * ({@code Counter.builder("pulse.outbox.published")...}) and named as Micrometer's Prometheus registry names them,
 * plus the library meters the dashboards use, each with where it comes from.
 */
final class ExportedMetrics {

  /** Meters registered by libraries, not by Pulse's code; the comment says which and where it is asserted. */
  private static final Set<String> LIBRARY = Set.of(
      // Prometheus itself, one per scrape target
      "up",
      // Spring's server observation (MVC and WebFlux), every service
      "http_server_requests_seconds_count", "http_server_requests_seconds_sum", "http_server_requests_seconds_max",
      // Spring Cloud Gateway per route (gateway OcsRouteTests asserts it)
      "spring_cloud_gateway_requests_seconds_count", "spring_cloud_gateway_requests_seconds_sum",
      "spring_cloud_gateway_requests_seconds_max",
      // Resilience4j's breakers in the gateway (gateway CircuitBreakerTests asserts the state)
      "resilience4j_circuitbreaker_state", "resilience4j_circuitbreaker_failure_rate",
      // Kafka's consumer client metrics bound by Spring Kafka (notification-service README, "Metrics")
      "kafka_consumer_fetch_manager_records_lag_max",
      // HikariCP's pool, every service with a database
      "hikaricp_connections_active", "hikaricp_connections_pending", "hikaricp_connections_idle",
      "hikaricp_connections_max",
      // JVM and process binders (gateway PublicEndpointsTests asserts jvm_memory_used_bytes)
      "jvm_memory_used_bytes", "jvm_memory_max_bytes", "process_cpu_usage", "jvm_threads_live_threads");

  private static final Pattern BUILDER = Pattern.compile(
      "\\b(Counter|Timer|Gauge|DistributionSummary|LongTaskTimer|FunctionCounter|FunctionTimer|TimeGauge)"
          + "\\.builder\\(\\s*([^,)]+)");
  private static final Pattern CONSTANT = Pattern.compile("static final String (\\w+)\\s*=\\s*\"([^\"]*)\"");
  private static final Pattern BASE_UNIT = Pattern.compile("\\.baseUnit\\(\"([^\"]+)\"\\)");

  private ExportedMetrics() {}

  /** Every series name a scrape of a Pulse service can hold, Pulse's and the libraries'. */
  static Set<String> all() {
    Set<String> names = new TreeSet<>(LIBRARY);
    names.addAll(pulse());
    return names;
  }

  /** Pulse's own meters, as Prometheus names, from every module's main sources. */
  static Set<String> pulse() {
    Set<String> names = new TreeSet<>();
    try (var modules = Files.list(Repository.ROOT)) {
      for (Path module : modules.toList()) {
        if (Files.isDirectory(module.resolve("src/main/java"))) {
          Repository.files(Repository.ROOT.relativize(module.resolve("src/main/java")).toString(), ".java")
              .forEach(source -> names.addAll(inSource(Repository.read(source))));
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return names;
  }

  static Set<String> inSource(String code) {
    Map<String, String> constants = new java.util.HashMap<>();
    Matcher constant = CONSTANT.matcher(code);
    while (constant.find()) {
      constants.put(constant.group(1), constant.group(2));
    }
    Set<String> names = new TreeSet<>();
    Matcher builder = BUILDER.matcher(code);
    while (builder.find()) {
      String name = resolve(builder.group(2), constants);
      int end = code.indexOf(".register(", builder.end());
      String chain = end < 0 ? "" : code.substring(builder.end(), end);
      Matcher unit = BASE_UNIT.matcher(chain);
      names.addAll(prometheusNames(builder.group(1), name, unit.find() ? unit.group(1) : null));
    }
    return names;
  }

  /** How Micrometer's Prometheus registry names a meter's series. */
  static Set<String> prometheusNames(String type, String name, String baseUnit) {
    String base = name.replace('.', '_').replace('-', '_');
    return switch (type) {
      case "Counter", "FunctionCounter" -> Set.of(withUnit(base, baseUnit) + "_total");
      case "Gauge" -> Set.of(withUnit(base, baseUnit));
      case "TimeGauge" -> Set.of(withUnit(base, "seconds"));
      case "Timer", "FunctionTimer" -> histogram(withUnit(base, "seconds"));
      case "DistributionSummary" -> histogram(withUnit(base, baseUnit));
      case "LongTaskTimer" -> Set.of(base + "_seconds_active_count", base + "_seconds_duration_sum",
          base + "_seconds_max");
      default -> throw new IllegalArgumentException(type);
    };
  }

  private static Set<String> histogram(String base) {
    return Set.of(base + "_count", base + "_sum", base + "_max", base + "_bucket");
  }

  private static String withUnit(String base, String unit) {
    return unit == null || base.endsWith("_" + unit) ? base : base + "_" + unit;
  }

  /** A builder's name argument: a literal, a constant, or a sum of them ({@code PREFIX + "connections"}). */
  private static String resolve(String expression, Map<String, String> constants) {
    StringBuilder name = new StringBuilder();
    for (String part : expression.split("\\+")) {
      String term = part.strip();
      if (term.startsWith("\"") && term.endsWith("\"")) {
        name.append(term, 1, term.length() - 1);
      } else if (constants.containsKey(term)) {
        name.append(constants.get(term));
      } else {
        throw new IllegalStateException("cannot tell the meter name of " + expression);
      }
    }
    return name.toString();
  }
}

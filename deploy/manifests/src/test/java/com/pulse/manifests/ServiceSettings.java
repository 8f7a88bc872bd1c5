package com.pulse.manifests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service reads from its environment, learnt from its application.yml: the variables its placeholders name
 * ({@code ${OCS_DB_URL:...}}) and the properties Spring Boot binds from environment variables by their relaxed name
 * ({@code SPRING_DATASOURCE_URL} sets {@code spring.datasource.url}).
 *
 * <p>A domain service whose application.yml is not in this tree yet is held to ocs-service's, the template domain
 * services are copied from (its {@code OCS_} variables renamed after the service's database).
 */
record ServiceSettings(Deployable deployable, String source, Set<String> variables, Set<String> properties,
    int defaultPort, Set<String> profiles) {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
  private static final Pattern PORT = Pattern.compile("\\$\\{PORT:(\\d+)}");
  /** Read by Spring Boot or the JVM itself, whatever the application.yml says. */
  private static final Set<String> ALWAYS_READ = Set.of("SPRING_PROFILES_ACTIVE", "JAVA_TOOL_OPTIONS");

  static ServiceSettings of(Deployable deployable) {
    Path own = applicationYml(deployable.name());
    if (Files.isRegularFile(own)) {
      return read(deployable, own, Repository.read(own), "");
    }
    if (deployable.database() == null) {
      throw new IllegalStateException("no " + own);
    }
    Path template = applicationYml("ocs-service");
    String text = Repository.read(template)
        .replace("OCS_", deployable.database().toUpperCase(Locale.ROOT) + "_")
        .replace("${PORT:8081}", "${PORT:" + deployable.port() + "}");
    return read(deployable, template, text, " (ocs-service's, the template: " + own + " does not exist yet)");
  }

  /** Whether the service reads this environment variable. */
  boolean reads(String variable) {
    if (variables.contains(variable) || ALWAYS_READ.contains(variable)) {
      return true;
    }
    String relaxed = variable.toLowerCase(Locale.ROOT).replace('_', '.');
    return properties.stream().anyMatch(key -> key.replace("-", "").toLowerCase(Locale.ROOT).equals(relaxed));
  }

  private static Path applicationYml(String module) {
    return Repository.path(module).resolve("src/main/resources/application.yml");
  }

  private static ServiceSettings read(Deployable deployable, Path file, String text, String note) {
    Set<String> variables = new LinkedHashSet<>();
    Matcher placeholder = PLACEHOLDER.matcher(text);
    while (placeholder.find()) {
      variables.add(placeholder.group(1));
    }
    Matcher port = PORT.matcher(text);
    int defaultPort = port.find() ? Integer.parseInt(port.group(1)) : -1;
    Set<String> properties = new LinkedHashSet<>();
    org.yaml.snakeyaml.Yaml yaml = new org.yaml.snakeyaml.Yaml();
    for (Object document : yaml.loadAll(text)) {
      flatten("", Yaml.map(document), properties);
    }
    Set<String> profiles = new LinkedHashSet<>();
    try (var files = Files.list(file.getParent())) {
      files.map(p -> p.getFileName().toString()).filter(n -> n.matches("application-.+\\.ya?ml"))
          .forEach(n -> profiles.add(n.substring("application-".length(), n.lastIndexOf('.'))));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return new ServiceSettings(deployable, file + note, variables, properties, defaultPort, profiles);
  }

  private static void flatten(String prefix, Map<String, Object> map, Set<String> into) {
    map.forEach((key, value) -> {
      String path = prefix.isEmpty() ? key : prefix + "." + key;
      into.add(path);
      if (value instanceof Map<?, ?>) {
        flatten(path, Yaml.map(value), into);
      }
    });
  }
}

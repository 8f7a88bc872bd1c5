package com.pulse.platform.web;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults every servlet service gets, below its own {@code application.yml} (which may override each):
 * <ul>
 *   <li>no multipart parsing — no service takes uploads, and a {@code multipart/form-data} request broke in the
 *       parser (500) instead of being refused as an unsupported type (415);</li>
 *   <li>no static resources — an unknown path is a plain 404 problem, not "No static resource …";</li>
 *   <li>health details and components only for an authenticated ADMIN or SYSTEMMANAGER; anyone else, the probes
 *       included, sees {@code {"status":"UP"}};</li>
 *   <li>the OpenAPI document on (said, so springdoc does not warn) and of the API alone ({@code /api/**}, not {@code /error}), query objects as their
 *       parameters, keys sorted so a checked-in copy compares line by line, and no springdoc Swagger UI (the gateway
 *       has one for every service).</li>
 * </ul>
 */
public final class PlatformWebDefaults implements EnvironmentPostProcessor {

  static final String SOURCE = "pulsePlatformWebDefaults";

  static final Map<String, Object> DEFAULTS = Map.ofEntries(
      Map.entry("spring.servlet.multipart.enabled", "false"),
      Map.entry("spring.web.resources.add-mappings", "false"),
      Map.entry("server.error.whitelabel.enabled", "false"),
      Map.entry("management.endpoint.health.show-details", "when-authorized"),
      Map.entry("management.endpoint.health.show-components", "when-authorized"),
      Map.entry("management.endpoint.health.roles", "ADMIN,SYSTEMMANAGER"),
      Map.entry("springdoc.api-docs.enabled", "true"),
      Map.entry("springdoc.paths-to-match", "/api/**"),
      Map.entry("springdoc.default-flat-param-object", "true"),
      Map.entry("springdoc.writer-with-order-by-keys", "true"),
      Map.entry("springdoc.swagger-ui.enabled", "false"));

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.getPropertySources().contains(SOURCE)) {
      environment.getPropertySources().addLast(new MapPropertySource(SOURCE, DEFAULTS));
    }
  }
}

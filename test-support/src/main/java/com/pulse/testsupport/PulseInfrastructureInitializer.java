package com.pulse.testsupport;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring context at the shared test infrastructure: its own database (named by
 * {@code pulse.test.database}, default the application name), the shared Kafka broker and the test JWKS endpoint,
 * and turns on schema validation of every event written to the outbox.
 */
public class PulseInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    TestInfrastructure infrastructure = TestInfrastructure.shared()
        .orElseThrow(() -> new IllegalStateException(TestInfrastructure.unavailableReason()));
    var env = context.getEnvironment();
    String database = env.getProperty("pulse.test.database",
        env.getProperty("spring.application.name", "pulse").replaceAll("[^a-z0-9]+", "_"));
    Map<String, Object> properties = Map.of(
        "spring.datasource.url", infrastructure.database(database),
        "spring.datasource.username", infrastructure.databaseUser(),
        "spring.datasource.password", infrastructure.databasePassword(),
        "spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers(),
        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens.shared().jwkSetUri(),
        "spring.security.oauth2.resourceserver.jwt.issuer-uri", TestTokens.ISSUER,
        // every event a service under test writes is checked against its JSON Schema
        "pulse.outbox.validate-schemas", "true");
    env.getPropertySources().addFirst(new MapPropertySource("pulseTestInfrastructure", properties));
  }
}

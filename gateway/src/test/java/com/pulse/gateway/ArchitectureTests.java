package com.pulse.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.pulse.testsupport.architecture.PulseRules;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The gateway's features (auth, limits, observability, resilience, routing, security, web, websocket) depend on each
 * other without cycles; only auth signs tokens; the gateway knows no domain service's internals (it routes by path).
 */
@AnalyzeClasses(packages = "com.pulse.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

  @ArchTest
  static final ArchRule featuresAreFreeOfCycles = PulseRules.featuresFreeOfCycles("com.pulse.gateway");

  @ArchTest
  static final ArchRule onlyAuthSignsTokens = noClasses().that().resideOutsideOfPackage("..gateway.auth..")
      .should().dependOnClassesThat().haveFullyQualifiedName("org.springframework.security.oauth2.jwt.JwtEncoder")
      .orShould().dependOnClassesThat().resideInAPackage("com.nimbusds.jose.crypto..");

  @ArchTest
  static final ArchRule noKafkaNoDatabase = noClasses().should().dependOnClassesThat()
      .resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..", "org.springframework.jdbc..",
          "com.pulse.events..");
}

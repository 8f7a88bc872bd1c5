package com.pulse.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The event contract stays free of frameworks, so outside consumers can depend on it (or its schemas alone). */
@AnalyzeClasses(packages = "com.pulse.events", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

  @ArchTest
  static final ArchRule noSpringNoPersistence = noClasses().should().dependOnClassesThat()
      .resideInAnyPackage("org.springframework..", "jakarta.persistence..", "org.apache.kafka..");

  @ArchTest
  static final ArchRule onlyTheIdentityContractsCoreNotItsGlue = noClasses().should().dependOnClassesThat()
      .resideInAPackage("com.pulse.identity.spring..");
}

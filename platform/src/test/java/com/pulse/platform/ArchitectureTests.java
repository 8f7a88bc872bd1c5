package com.pulse.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.pulse.testsupport.architecture.PulseRules;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The platform's features stay apart: only the outbox talks to Kafka, and security and errors know nothing of it. */
@AnalyzeClasses(packages = "com.pulse.platform", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

  @ArchTest
  static final ArchRule featuresAreFreeOfCycles = PulseRules.featuresFreeOfCycles("com.pulse.platform");

  @ArchTest
  static final ArchRule onlyTheOutboxTalksToKafka = PulseRules.onlyThereUse("..platform.outbox..",
      "org.apache.kafka..", "org.springframework.kafka..");

  @ArchTest
  static final ArchRule securityAndErrorsDoNotKnowTheOutbox = noClasses().that()
      .resideInAnyPackage("..platform.security..", "..platform.web..")
      .should().dependOnClassesThat().resideInAPackage("..platform.outbox..");
}

package com.pulse.journey;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.pulse.testsupport.architecture.PulseRules;

/**
 * Package-by-feature rules: no cycles between features, the state model free of the service around it, events only
 * through the outbox and only where a patient changes.
 */
@AnalyzeClasses(packages = "com.pulse.journey", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

  @ArchTest
  static final ArchRule featuresAreFreeOfCycles = PulseRules.featuresFreeOfCycles("com.pulse.journey");

  @ArchTest
  static final ArchRule theStateModelKnowsNothingOfTheService = noClasses()
      .that().resideInAPackage("com.pulse.journey.state..")
      .should().dependOnClassesThat().resideOutsideOfPackages("com.pulse.journey.state..", "java..")
      .because("the table and its rules are pure: the service reads them, never the other way round");

  @ArchTest
  static final ArchRule nothingTalksToKafkaDirectly = noClasses().should()
      .dependOnClassesThat().resideInAPackage("org.apache.kafka..")
      .because("events are published only through the transactional outbox");

  @ArchTest
  static final ArchRule eventsAreWrittenOnlyWhereJourneysChange = noClasses().that()
      .doNotHaveSimpleName("JourneyService")
      .should().dependOnClassesThat().haveFullyQualifiedName("com.pulse.platform.outbox.Outbox")
      .because("an event is appended in the transaction that changes the patient, and only there");

  @ArchTest
  static final ArchRule patientsAreLockedOnlyByTheVisit = noClasses().that()
      .resideOutsideOfPackage("com.pulse.journey.visit..")
      .should().dependOnClassesThat().haveSimpleName("JourneyStore")
      .because("the lock order (patient, counter, exam) lives in one place");
}

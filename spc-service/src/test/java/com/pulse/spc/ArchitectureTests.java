package com.pulse.spc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.pulse.testsupport.architecture.PulseRules;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Package-by-feature rules: product ← alert ← chart, never back; events leave only through the product's event log
 * (the outbox, with the product's sequence); the statistics core knows no Spring, no web and no database.
 */
@AnalyzeClasses(packages = "com.pulse.spc", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

  @ArchTest
  static final ArchRule featuresAreFreeOfCycles = PulseRules.featuresFreeOfCycles("com.pulse.spc");

  @ArchTest
  static final ArchRule nothingTalksToKafkaDirectly = noClasses().should()
      .dependOnClassesThat().resideInAPackage("org.apache.kafka..")
      .because("events are published only through the transactional outbox");

  @ArchTest
  static final ArchRule eventsAreWrittenOnlyThroughTheProductsEventLog = noClasses()
      .that().doNotHaveSimpleName("ProductEvents")
      .should().dependOnClassesThat().haveFullyQualifiedName("com.pulse.platform.outbox.Outbox")
      .because("every SPC event is keyed by its product and numbered by the product's sequence");

  @ArchTest
  static final ArchRule productsKnowNoOtherFeature = noClasses().that().resideInAPackage("com.pulse.spc.product..")
      .should().dependOnClassesThat().resideInAnyPackage("com.pulse.spc.chart..", "com.pulse.spc.alert..");

  @ArchTest
  static final ArchRule alertsKnowNoCharts = noClasses().that().resideInAPackage("com.pulse.spc.alert..")
      .should().dependOnClassesThat().resideInAPackage("com.pulse.spc.chart..");

  @ArchTest
  static final ArchRule statisticsArePure = noClasses().that().resideInAPackage("com.pulse.spc.statistics..")
      .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..", "java.sql..",
          "com.pulse.spc.product..", "com.pulse.spc.chart..", "com.pulse.spc.alert..");
}

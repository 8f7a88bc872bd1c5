package com.pulse.ocs;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.data.jdbc.core.JdbcAggregateOperations;

/** Package-by-feature rules: features do not depend on each other in cycles, and events leave only via the outbox. */
@AnalyzeClasses(packages = "com.pulse.ocs", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

  @ArchTest
  static final ArchRule featuresAreFreeOfCycles = slices().matching("com.pulse.ocs.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule nothingTalksToKafkaDirectly = noClasses().should()
      .dependOnClassesThat().resideInAPackage("org.apache.kafka..")
      .because("events are published only through the transactional outbox");

  @ArchTest
  static final ArchRule eventsAreWrittenOnlyWhereOrdersChange = noClasses().that().doNotHaveSimpleName("OrderService")
      .should().dependOnClassesThat().haveFullyQualifiedName("com.pulse.platform.outbox.Outbox")
      .because("an event is appended in the transaction that changes the order, and only there");

  @ArchTest
  static final ArchRule ordersAreWrittenOnlyWhereTheirEventsAre = noClasses().that()
      .doNotHaveSimpleName("OrderService")
      .should().dependOnClassesThat().areAssignableTo(JdbcAggregateOperations.class)
      .orShould().dependOnClassesThat().haveSimpleName("OrderRepository")
      .because("a command reads the order locked, writes the next version and appends its event in one transaction");

  @ArchTest
  static final ArchRule webTypesStayOutOfTheAggregate = noClasses().that().haveSimpleName("Order")
      .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..");
}

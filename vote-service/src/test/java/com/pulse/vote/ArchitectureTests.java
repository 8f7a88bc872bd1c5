package com.pulse.vote;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Features free of cycles; events leave only via the outbox, written only where polls change. */
@AnalyzeClasses(packages = "com.pulse.vote", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

  @ArchTest
  static final ArchRule featuresAreFreeOfCycles = slices().matching("com.pulse.vote.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule nothingTalksToKafkaDirectly = noClasses().should()
      .dependOnClassesThat().resideInAPackage("org.apache.kafka..")
      .because("events are published only through the transactional outbox");

  @ArchTest
  static final ArchRule eventsAreWrittenOnlyWhereThePollChanges = noClasses()
      .that().doNotHaveSimpleName("PollService").and().doNotHaveSimpleName("TallyWriter")
      .should().dependOnClassesThat().haveFullyQualifiedName("com.pulse.platform.outbox.Outbox")
      .because("an event is appended in the transaction that changes the poll or writes its tally, and only there");

  @ArchTest
  static final ArchRule onlyTheStoresTouchTheDatabase = noClasses()
      .that().doNotHaveSimpleName("PollStore").and().doNotHaveSimpleName("BallotStore")
      .and().doNotHaveSimpleName("TallyStore")
      .should().dependOnClassesThat().areAssignableTo(JdbcClient.class)
      .because("SQL lives in the stores; services hold the transactions");

  @ArchTest
  static final ArchRule webTypesStayOutOfTheServices = noClasses()
      .that().haveSimpleNameEndingWith("Service").or().haveSimpleNameEndingWith("Store")
      .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web.bind..", "jakarta.servlet..");
}

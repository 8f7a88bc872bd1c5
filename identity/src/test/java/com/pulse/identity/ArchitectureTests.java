package com.pulse.identity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The contract itself is plain Java (the channel catalog and outside code read it); Spring only in its glue. */
@AnalyzeClasses(packages = "com.pulse.identity", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

  @ArchTest
  static final ArchRule theContractNeedsNoSpring = noClasses().that().resideInAPackage("com.pulse.identity")
      .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..");

  @ArchTest
  static final ArchRule theContractDoesNotKnowItsGlue = noClasses().that().resideInAPackage("com.pulse.identity")
      .should().dependOnClassesThat().resideInAPackage("com.pulse.identity.spring..");
}

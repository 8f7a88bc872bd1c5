package com.pulse.notification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.pulse.testsupport.architecture.PulseRules;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The delivery pipeline points one way: stream → channel → socket. The intake knows nothing of audiences, audiences
 * nothing of WebSockets (so SSE and polling can subscribe to channels too), only the intake talks to Kafka, and no
 * code outside the seeds' dialects knows a domain. The shared rules fail on deliberate violations in test-support's
 * PulseRulesTests.
 */
@AnalyzeClasses(packages = "com.pulse.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

  @ArchTest
  static final ArchRule featuresAreFreeOfCycles = PulseRules.featuresFreeOfCycles("com.pulse.notification");

  @ArchTest
  static final ArchRule theIntakeKnowsNoAudience = noClasses().that().resideInAPackage("..notification.stream..")
      .should().dependOnClassesThat().resideInAnyPackage("..notification.channel..", "..notification.socket..");

  @ArchTest
  static final ArchRule channelsKnowNoTransport = noClasses().that().resideInAPackage("..notification.channel..")
      .should().dependOnClassesThat().resideInAnyPackage("..notification.socket..", "org.springframework.web..",
          "reactor.netty..", "io.netty..");

  @ArchTest
  static final ArchRule fallbacksAndSocketsDoNotKnowEachOther = noClasses().that()
      .resideInAPackage("..notification.fallback..").should().dependOnClassesThat()
      .resideInAPackage("..notification.socket..");

  @ArchTest
  static final ArchRule onlyTheIntakeTalksToKafka = PulseRules.onlyThereUse("..notification.stream..",
      "org.apache.kafka..", "org.springframework.kafka..");

  @ArchTest
  static final ArchRule noDomainKnowledgeOutsideTheDialects = PulseRules.knowNoDomain("com.pulse.notification",
      "com.pulse.notification.channel..", "com.pulse.notification.stream..", "com.pulse.notification.socket..",
      "com.pulse.notification.fallback..", "com.pulse.notification.inbox..", "com.pulse.notification.preference..",
      "com.pulse.notification.metrics..", "com.pulse.notification.config..", "com.pulse.notification.admission..");

  @ArchTest
  static final ArchRule everyPackageIsCoveredByTheDomainRule = noClasses().that()
      .resideOutsideOfPackages("com.pulse.notification", "com.pulse.notification.channel..",
          "com.pulse.notification.stream..", "com.pulse.notification.socket..", "com.pulse.notification.fallback..",
          "com.pulse.notification.inbox..", "com.pulse.notification.preference..",
          "com.pulse.notification.metrics..", "com.pulse.notification.config..", "com.pulse.notification.dialect..",
          "com.pulse.notification.admission..")
      .should().bePublic().orShould().notBePublic()
      .because("a new package must be added to noDomainKnowledgeOutsideTheDialects (or be a dialect)")
      .allowEmptyShould(true);

  @ArchTest
  static final ArchRule dialectsUseTheSocketsPublicSeamOnly = noClasses().that()
      .resideInAPackage("..notification.dialect..").should().dependOnClassesThat()
      .resideInAnyPackage("..notification.inbox..", "..notification.preference..", "..notification.fallback..",
          "reactor.netty..", "io.netty..");
}

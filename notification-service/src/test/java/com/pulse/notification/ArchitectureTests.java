package com.pulse.notification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The delivery pipeline points one way: stream → channel → socket. The intake knows nothing of audiences, audiences
 * nothing of WebSockets (so SSE and polling can subscribe to channels too), and only the intake talks to Kafka.
 */
@AnalyzeClasses(packages = "com.pulse.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

  @ArchTest
  static final ArchRule featuresAreFreeOfCycles =
      slices().matching("com.pulse.notification.(*)..").should().beFreeOfCycles();

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
  static final ArchRule onlyTheIntakeTalksToKafka = noClasses().that().resideOutsideOfPackage("..notification.stream..")
      .should().dependOnClassesThat().resideInAPackage("org.apache.kafka..");
}

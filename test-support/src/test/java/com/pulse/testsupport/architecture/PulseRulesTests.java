package com.pulse.testsupport.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/** Every shared rule fails on a deliberate violation (the fixture packages) and passes where there is none. */
class PulseRulesTests {

  private static final String FIXTURE = "com.pulse.testsupport.architecture.fixture";
  private static final JavaClasses CLASSES = new ClassFileImporter().importPackages(FIXTURE);

  @Test
  void aCycleBetweenTwoFeaturePackagesFails() {
    EvaluationResult result = PulseRules.featuresFreeOfCycles(FIXTURE + ".cyclic").evaluate(CLASSES);

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().toString()).contains("Cycle detected");
    assertThat(PulseRules.featuresFreeOfCycles(FIXTURE + ".kafka").evaluate(CLASSES).hasViolation()).isFalse();
  }

  @Test
  void kafkaOutsideItsPackageFailsAlsoThroughSpringKafka() {
    EvaluationResult result = PulseRules.onlyThereUse(FIXTURE + ".kafka.intake..", "org.apache.kafka..",
        "org.springframework.kafka..").evaluate(CLASSES);

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails()).anyMatch(line -> line.contains("Sneaky"))
        .noneMatch(line -> line.contains("Intake"));
  }

  @Test
  void aDomainWordInAStringOrANameFailsAndNeutralCodePasses() {
    EvaluationResult gossip = PulseRules.knowNoDomain(FIXTURE + ".domain..").evaluate(CLASSES);
    EvaluationResult neutral = PulseRules.knowNoDomain(FIXTURE + ".neutral..").evaluate(CLASSES);

    assertThat(gossip.getFailureReport().getDetails())
        .anyMatch(line -> line.contains("[doctor, doctorid]") && line.contains("string \"doctorId\""))
        .anyMatch(line -> line.contains("[polls]") && line.contains("member \"pollsCounted\""));
    assertThat(neutral.hasViolation()).isFalse();
  }
}

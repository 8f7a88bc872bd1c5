package com.pulse.testsupport;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Skips, rather than fails, tests whose chosen infrastructure cannot run on this machine (containers, no Docker). */
public class PulseInfrastructureExtension implements ExecutionCondition {

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    return TestInfrastructure.shared().isPresent()
        ? ConditionEvaluationResult.enabled("test infrastructure is up")
        : ConditionEvaluationResult.disabled(TestInfrastructure.unavailableReason());
  }
}

package com.pulse.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The query string and path as sent: percent-encoded UTF-8 without control characters, or named problems. */
class RequestTargetsTests {

  @Test
  void ordinaryQueriesPass() {
    assertThat(RequestTargets.queryProblems("patientId=P-1&status=A,B&q=%ED%95%9C+%EA%B8%80&flag")).isEmpty();
    assertThat(RequestTargets.queryProblems(null)).isEmpty();
    assertThat(RequestTargets.pathProblem("/api/ocs/orders/%ED%95%9C")).isEmpty();
  }

  @Test
  void aNulOrAnyControlCharacterNamesTheParameter() {
    List<FieldProblem> problems = RequestTargets.queryProblems("patientId=P%00&doctorId=%1F&ok=1&tab=a%09b");

    assertThat(problems).extracting(FieldProblem::field).containsExactly("patientId", "doctorId");
    assertThat(problems.getFirst().message()).contains("U+0000");
  }

  @Test
  void brokenEncodingAndUnpairedSurrogatesAreNamed() {
    assertThat(RequestTargets.queryProblems("a=%zz&b=%E&c=%ED%A0%80&d=%C3%28"))
        .extracting(FieldProblem::field).containsExactly("a", "b", "c", "d");
    assertThat(RequestTargets.queryProblems("%zz=1")).extracting(FieldProblem::field)
        .containsExactly(RequestTargets.QUERY);
  }

  @Test
  void aParameterNameWithAControlCharacterIsEchoedSafely() {
    assertThat(RequestTargets.queryProblems("a%00b=1")).extracting(FieldProblem::field)
        .containsExactly("a\\u0000b");
  }

  @Test
  void aDateBeyondYears1To9999IsRefusedInAnyParameter() {
    List<FieldProblem> problems = RequestTargets.queryProblems("createdFrom=-999999999-01-01T00:00:00Z"
        + "&createdTo=%2B10000-01-01&day=0000-12-31&ok=2026-11-22&also=9999-12-31T23:59:59Z&id=-1");

    assertThat(problems).extracting(FieldProblem::field).containsExactly("createdFrom", "createdTo", "day");
    assertThat(problems.getFirst().message()).isEqualTo(InputTimes.OUT_OF_RANGE);
  }

  @Test
  void thePathIsCheckedToo() {
    assertThat(RequestTargets.pathProblem("/api/ocs/orders/%01")).hasValueSatisfying(
        problem -> assertThat(problem.field()).isEqualTo(RequestTargets.PATH));
    assertThat(RequestTargets.pathProblem("/api/%FF")).isPresent();
  }
}

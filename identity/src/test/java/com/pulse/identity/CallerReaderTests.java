package com.pulse.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallerReaderTests {

  private final CallerReader reader = CallerReader.standard();

  @Test
  void readsEveryClaimOfPulsesOwnTokens() {
    Caller caller = reader.read(Map.of("sub", "ris.park", "name", "Park (RIS)", "roles", List.of("RIS"),
        "jobRole", "RIS", "department", "RAD"));

    assertThat(caller.id()).isEqualTo("ris.park");
    assertThat(caller.name()).isEqualTo("Park (RIS)");
    assertThat(caller.roles()).containsExactly(Role.RIS);
    assertThat(caller.jobRole()).isEqualTo(JobRole.RIS);
    assertThat(caller.claim(Claims.DEPARTMENT)).isEqualTo("RAD");
    assertThat(caller.claim(Claims.JOB_ROLE)).isEqualTo("RIS");
  }

  @Test
  void anUnknownJobRoleIsNoJobRole() {
    // the drift this contract ends: a token saying jobRole=XRAY must not make XRAY a job role anywhere
    Caller worker = reader.read(Map.of("sub", "x", "roles", List.of("RIS"), "jobRole", "XRAY"));

    assertThat(worker.jobRole()).isEqualTo(JobRole.RIS);
    assertThat(worker.claim(Claims.JOB_ROLE)).isEqualTo("RIS");
  }

  @Test
  void aJobRoleClaimMeansNothingWithoutAWorkerRole() {
    Caller doctor = reader.read(Map.of("sub", "dr.kim", "roles", List.of("DOCTOR"), "jobRole", "LIS"));

    assertThat(doctor.jobRole()).isNull();
  }

  @Test
  void unknownRolesAreDroppedAndKnownOnesKept() {
    Caller caller = reader.read(Map.of("sub", "u", "roles", List.of("ROOT", "NURSE", "offline_access")));

    assertThat(caller.roles()).containsExactly(Role.NURSE);
  }

  @Test
  void readsKeycloakRealmRolesWhenTheTokenHasNoRolesClaim() {
    Caller caller = reader.read(Map.of("sub", "dr.kim", "realm_access",
        Map.of("roles", List.of("DOCTOR", "default-roles-pulse", "uma_authorization"))));

    assertThat(caller.roles()).containsExactly(Role.DOCTOR);
  }

  @Test
  void theFirstPathHoldingAnArrayWins() {
    Caller caller = reader.read(Map.of("sub", "u", "roles", List.of("NURSE"),
        "realm_access", Map.of("roles", List.of("ADMIN"))));

    assertThat(caller.roles()).containsExactly(Role.NURSE);
  }

  @Test
  void aConfiguredUserIdClaimAndRolesPath() {
    CallerReader oidc = new CallerReader(new ClaimMapping("preferred_username", List.of("resource_access.pulse.roles")));

    Caller caller = oidc.read(Map.of("sub", "5f1c-uuid", "preferred_username", "nurse.yoon",
        "resource_access", Map.of("pulse", Map.of("roles", List.of("NURSE")))));

    assertThat(caller.id()).isEqualTo("nurse.yoon");
    assertThat(caller.roles()).containsExactly(Role.NURSE);
  }

  @Test
  void aTokenWithoutAUserIdIsRefused() {
    assertThatThrownBy(() -> reader.read(Map.of("roles", List.of("ADMIN"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'sub'");
  }

  @Test
  void noRolesAtAllIsAnEmptySetNotAnError() {
    Caller caller = reader.read(Map.of("sub", "u", "roles", "ADMIN"));

    assertThat(caller.roles()).isEmpty();
    assertThat(caller.administers()).isFalse();
  }
}

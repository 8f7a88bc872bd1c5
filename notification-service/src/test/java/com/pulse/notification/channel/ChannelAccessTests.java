package com.pulse.notification.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.testsupport.TestUser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChannelAccessTests {

  private final ChannelAccess access = new ChannelAccess();

  static List<Arguments> demoUsers() {
    return List.of(
        Arguments.of(TestUser.ADMIN, List.of("ocs:all")),
        Arguments.of(TestUser.SYSTEM_MANAGER, List.of("ocs:all")),
        Arguments.of(TestUser.DR_KIM, List.of("ocs:doctor:dr.kim")),
        Arguments.of(TestUser.DR_LEE, List.of("ocs:doctor:dr.lee")),
        Arguments.of(TestUser.RIS_PARK, List.of("ocs:job:RIS")),
        Arguments.of(TestUser.LIS_CHOI, List.of("ocs:job:LIS")),
        Arguments.of(TestUser.QA_JUNG, List.of()),
        Arguments.of(TestUser.OP_HAN, List.of()),
        Arguments.of(TestUser.PATIENT_1001, List.of()),
        Arguments.of(TestUser.EMP_12345, List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("demoUsers")
  void eachRoleJoinsItsOrderAudienceOnConnect(TestUser user, List<String> expected) {
    assertThat(access.autoJoin(viewer(user))).containsExactlyElementsOf(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("demoUsers")
  void whatIsJoinedOnConnectIsAlsoAllowedOnRequest(TestUser user, List<String> expected) {
    Viewer viewer = viewer(user);
    assertThat(access.autoJoin(viewer)).allMatch(channel -> access.maySubscribe(viewer, channel));
  }

  @Test
  void aWorkerWithoutAJobRoleClaimIsTheJobOfTheirRole() {
    Viewer ris = new Viewer("ris.new", "New", List.of("RIS"), null, null, null);

    assertThat(access.autoJoin(ris)).containsExactly("ocs:job:RIS");
  }

  @Test
  void aUserWithSeveralRolesJoinsEveryChannelOfEveryRoleOnce() {
    Viewer chief = new Viewer("dr.kim", "Chief", List.of("DOCTOR", "ADMIN", "RIS", "LIS"), null, null, null);

    assertThat(access.autoJoin(chief))
        .containsExactly("ocs:all", "ocs:doctor:dr.kim", "ocs:job:RIS", "ocs:job:LIS");
  }

  @Test
  void aDoctorMayNeverJoinAnotherDoctorsChannel() {
    Viewer kim = viewer(TestUser.DR_KIM);

    assertThat(access.maySubscribe(kim, "ocs:doctor:dr.kim")).isTrue();
    assertThat(access.maySubscribe(kim, "ocs:doctor:dr.lee")).isFalse();
    assertThat(access.maySubscribe(kim, "ocs:doctor:")).isFalse();
    assertThat(access.maySubscribe(kim, "ocs:all")).isFalse();
    assertThat(access.maySubscribe(kim, "ocs:job:RIS")).isFalse();
  }

  @Test
  void workersMayJoinTheirOwnJobRoleOnly() {
    assertThat(access.maySubscribe(viewer(TestUser.RIS_PARK), "ocs:job:RIS")).isTrue();
    assertThat(access.maySubscribe(viewer(TestUser.RIS_PARK), "ocs:job:LIS")).isFalse();
    assertThat(access.maySubscribe(viewer(TestUser.LIS_CHOI), "ocs:job:RIS")).isFalse();
    assertThat(access.maySubscribe(viewer(TestUser.LIS_CHOI), "ocs:doctor:dr.kim")).isFalse();
  }

  @Test
  void administratorsMayJoinEveryOrderChannelButNotUnknownOnes() {
    Viewer admin = viewer(TestUser.SYSTEM_MANAGER);

    assertThat(access.maySubscribe(admin, "ocs:all")).isTrue();
    assertThat(access.maySubscribe(admin, "ocs:doctor:dr.lee")).isTrue();
    assertThat(access.maySubscribe(admin, "ocs:job:LIS")).isTrue();
    assertThat(access.maySubscribe(admin, "spc:alerts")).isFalse();
    assertThat(access.maySubscribe(admin, null)).isFalse();
  }

  @Test
  void usersWithoutAnOrderRoleMayJoinNoOrderChannel() {
    for (TestUser user : List.of(TestUser.QA_JUNG, TestUser.OP_HAN, TestUser.PATIENT_1001, TestUser.EMP_12345)) {
      Viewer viewer = viewer(user);
      assertThat(List.of("ocs:all", "ocs:doctor:" + user.id(), "ocs:job:RIS", "ocs:job:LIS"))
          .as(user.id()).noneMatch(channel -> access.maySubscribe(viewer, channel));
    }
  }

  static Viewer viewer(TestUser user) {
    return new Viewer(user.id(), user.name(), user.roles(), user.jobRole(), user.patientId(), user.empNo());
  }
}

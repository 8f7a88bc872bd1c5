package com.pulse.notification.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.testsupport.TestUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The authorization matrix: every demo role against every kind of channel, their own and other people's. */
class ChannelAccessTests {

  private static final TestUser NURSE = new TestUser("nurse.yoon", "Yoon", List.of("NURSE"), null, null, null);
  private static final TestUser PATIENT_2002 =
      new TestUser("patient.2002", "Patient 2002", List.of("PATIENT"), null, "2002", null);

  private static final List<String> CHANNELS = List.of("ocs:all", "ocs:doctor:dr.kim", "ocs:doctor:dr.lee",
      "ocs:job:RIS", "ocs:job:LIS", "spc:alerts", "spc:product:P-7", "journey:patient:1001", "journey:patient:2002",
      "journey:queue:CT-1", "vote:poll:lunch", "user:dr.kim", "user:patient.1001", "user:emp.12345");

  /** Who may join which of {@link #CHANNELS}: everything else is refused. */
  private static final Map<TestUser, Set<String>> ALLOWED = Map.ofEntries(
      Map.entry(TestUser.ADMIN, Set.of("ocs:all", "ocs:doctor:dr.kim", "ocs:doctor:dr.lee", "ocs:job:RIS",
          "ocs:job:LIS", "spc:alerts", "spc:product:P-7", "journey:patient:1001", "journey:patient:2002",
          "journey:queue:CT-1", "vote:poll:lunch")),
      Map.entry(TestUser.SYSTEM_MANAGER, Set.of("ocs:all", "ocs:doctor:dr.kim", "ocs:doctor:dr.lee", "ocs:job:RIS",
          "ocs:job:LIS", "spc:alerts", "spc:product:P-7", "journey:patient:1001", "journey:patient:2002",
          "journey:queue:CT-1", "vote:poll:lunch")),
      Map.entry(TestUser.DR_KIM, Set.of("ocs:doctor:dr.kim", "journey:patient:1001", "journey:patient:2002",
          "journey:queue:CT-1", "user:dr.kim")),
      Map.entry(TestUser.DR_LEE, Set.of("ocs:doctor:dr.lee", "journey:patient:1001", "journey:patient:2002",
          "journey:queue:CT-1")),
      Map.entry(NURSE, Set.of("journey:patient:1001", "journey:patient:2002", "journey:queue:CT-1")),
      Map.entry(TestUser.RIS_PARK, Set.of("ocs:job:RIS")),
      Map.entry(TestUser.LIS_CHOI, Set.of("ocs:job:LIS")),
      Map.entry(TestUser.QA_JUNG, Set.of("spc:alerts", "spc:product:P-7")),
      Map.entry(TestUser.OP_HAN, Set.of("spc:alerts", "spc:product:P-7")),
      Map.entry(TestUser.PATIENT_1001, Set.of("journey:patient:1001", "user:patient.1001")),
      Map.entry(PATIENT_2002, Set.of("journey:patient:2002")),
      Map.entry(TestUser.EMP_12345, Set.of("vote:poll:lunch", "user:emp.12345")));

  private final ChannelAccess access = new ChannelAccess();

  static List<Arguments> matrix() {
    List<Arguments> cells = new ArrayList<>();
    ALLOWED.forEach((user, allowed) -> CHANNELS.forEach(channel ->
        cells.add(Arguments.of(user.id(), channel, allowed.contains(channel), user))));
    return cells;
  }

  @ParameterizedTest(name = "{0} → {1}: {2}")
  @MethodSource("matrix")
  void whoMayJoinWhat(String userId, String channel, boolean allowed, TestUser user) {
    assertThat(access.maySubscribe(viewer(user), channel)).isEqualTo(allowed);
  }

  static List<Arguments> demoUsers() {
    return List.of(
        Arguments.of(TestUser.ADMIN, List.of("ocs:all", "user:admin")),
        Arguments.of(TestUser.SYSTEM_MANAGER, List.of("ocs:all", "user:sysmgr")),
        Arguments.of(TestUser.DR_KIM, List.of("ocs:doctor:dr.kim", "user:dr.kim")),
        Arguments.of(TestUser.DR_LEE, List.of("ocs:doctor:dr.lee", "user:dr.lee")),
        Arguments.of(TestUser.RIS_PARK, List.of("ocs:job:RIS", "user:ris.park")),
        Arguments.of(TestUser.LIS_CHOI, List.of("ocs:job:LIS", "user:lis.choi")),
        Arguments.of(TestUser.QA_JUNG, List.of("spc:alerts", "user:qa.jung")),
        Arguments.of(TestUser.OP_HAN, List.of("spc:alerts", "user:op.han")),
        Arguments.of(TestUser.PATIENT_1001, List.of("journey:patient:1001", "user:patient.1001")),
        Arguments.of(TestUser.EMP_12345, List.of("user:emp.12345")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("demoUsers")
  void eachRoleJoinsItsAudienceAndItsOwnChannelOnConnect(TestUser user, List<String> expected) {
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

    assertThat(access.autoJoin(ris)).containsExactly("ocs:job:RIS", "user:ris.new");
  }

  @Test
  void aUserWithSeveralRolesJoinsEveryChannelOfEveryRoleOnce() {
    Viewer chief = new Viewer("dr.kim", "Chief", List.of("DOCTOR", "ADMIN", "RIS", "LIS"), null, null, null);

    assertThat(access.autoJoin(chief))
        .containsExactly("ocs:all", "ocs:doctor:dr.kim", "ocs:job:RIS", "ocs:job:LIS", "user:dr.kim");
  }

  @Test
  void aPatientWithoutAPatientIdClaimGetsNoJourneyChannel() {
    Viewer patient = new Viewer("patient.x", "X", List.of("PATIENT"), null, null, null);

    assertThat(access.autoJoin(patient)).containsExactly("user:patient.x");
    assertThat(access.maySubscribe(patient, "journey:patient:")).isFalse();
    assertThat(access.maySubscribe(patient, "journey:patient:null")).isFalse();
  }

  @Test
  void unknownOrMalformedChannelsAreRefusedToEveryone() {
    Viewer admin = viewer(TestUser.ADMIN);
    for (String channel : List.of("ocs:doctor:", "ocs:everything", "spc", "user:", "user:a b", "*", "",
        "ocs:doctor:" + "x".repeat(129))) {
      assertThat(access.maySubscribe(admin, channel)).as(channel).isFalse();
    }
    assertThat(access.maySubscribe(admin, null)).isFalse();
  }

  static Viewer viewer(TestUser user) {
    return new Viewer(user.id(), user.name(), user.roles(), user.jobRole(), user.patientId(), user.empNo());
  }
}

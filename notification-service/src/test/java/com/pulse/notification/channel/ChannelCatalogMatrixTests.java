package com.pulse.notification.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.events.ChannelCatalog;
import com.pulse.notification.AccessMatrix;
import com.pulse.identity.Caller;
import com.pulse.testsupport.TestUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The authorization matrix, as the delivery core applies the channel catalog: every demo role against every kind of
 * channel, their own and other people's, with callers read from their tokens' claims as every service reads them.
 */
class ChannelCatalogMatrixTests {

  private final ChannelCatalog access = ChannelCatalog.standard();

  static List<Arguments> matrix() {
    List<Arguments> cells = new ArrayList<>();
    AccessMatrix.ALLOWED.forEach((user, allowed) -> AccessMatrix.CHANNELS.forEach(channel ->
        cells.add(Arguments.of(user.id(), channel, allowed.contains(channel), user))));
    return cells;
  }

  @ParameterizedTest(name = "{0} → {1}: {2}")
  @MethodSource("matrix")
  void whoMayJoinWhat(String userId, String channel, boolean allowed, TestUser user) {
    assertThat(access.maySubscribe(viewer(user), channel)).isEqualTo(allowed);
  }

  static List<Arguments> demoUsers() {
    return AccessMatrix.AUTO_JOINED.entrySet().stream()
        .map(entry -> Arguments.of(entry.getKey(), entry.getValue())).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("demoUsers")
  void eachRoleJoinsItsAudienceAndItsOwnChannelOnConnect(TestUser user, List<String> expected) {
    assertThat(access.autoJoin(viewer(user))).containsExactlyElementsOf(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("demoUsers")
  void whatIsJoinedOnConnectIsAlsoAllowedOnRequest(TestUser user, List<String> expected) {
    Caller caller = viewer(user);
    assertThat(access.autoJoin(caller)).allMatch(channel -> access.maySubscribe(caller, channel));
  }

  @Test
  void aWorkerWithoutAJobRoleClaimIsTheJobOfTheirRole() {
    Caller ris = viewer(new TestUser("ris.new", "New", List.of("RIS"), null, null, null));

    assertThat(access.autoJoin(ris)).containsExactly("ocs:job:RIS", "user:ris.new");
  }

  @Test
  void aUserWithSeveralRolesJoinsEveryChannelOfEveryRoleOnce() {
    Caller chief = viewer(new TestUser("dr.kim", "Chief", List.of("DOCTOR", "ADMIN", "RIS", "LIS"), null, null,
        null));

    // one job role per worker, as ocs-service decides it too: RIS when the token names none
    assertThat(access.autoJoin(chief))
        .containsExactly("ocs:all", "ocs:doctor:dr.kim", "ocs:job:RIS", "user:dr.kim");
  }

  @Test
  void aPatientWithoutAPatientIdClaimGetsNoJourneyChannel() {
    Caller patient = viewer(new TestUser("patient.x", "X", List.of("PATIENT"), null, null, null));

    assertThat(access.autoJoin(patient)).containsExactly("user:patient.x");
    assertThat(access.maySubscribe(patient, "journey:patient:")).isFalse();
    assertThat(access.maySubscribe(patient, "journey:patient:null")).isFalse();
  }

  @Test
  void unknownOrMalformedChannelsAreRefusedToEveryone() {
    Caller admin = viewer(TestUser.ADMIN);
    for (String channel : List.of("ocs:doctor:", "ocs:everything", "spc", "user:", "user:a b", "*", "",
        "ocs:doctor:" + "x".repeat(129))) {
      assertThat(access.maySubscribe(admin, channel)).as(channel).isFalse();
    }
    assertThat(access.maySubscribe(admin, null)).isFalse();
  }

  @Test
  void aJobRoleClaimTheContractDoesNotKnowOpensNoChannel() {
    // the drift this catalog ends: a token saying jobRole=XRAY joined ocs:job:XRAY; now it is a RIS worker's token
    Caller odd = viewer(new TestUser("ris.odd", "Odd", List.of("RIS"), "XRAY", null, null));

    assertThat(access.autoJoin(odd)).containsExactly("ocs:job:RIS", "user:ris.odd");
    assertThat(access.maySubscribe(odd, "ocs:job:XRAY")).isFalse();
    assertThat(access.maySubscribe(odd, "ocs:job:LIS")).isFalse();
  }

  @Test
  void aDisplayOfAnotherDepartmentSeesNoOtherQueue() {
    Caller ct = viewer(new TestUser("display.ct", "CT", List.of("DISPLAY"), null, null, null, "CT"));

    assertThat(access.autoJoin(ct)).containsExactly("journey:queue:CT", "user:display.ct");
    assertThat(access.maySubscribe(ct, "journey:queue:XRAY")).isFalse();
  }

  /** The caller a service reads from the user's token. */
  static Caller viewer(TestUser user) {
    return user.caller();
  }
}

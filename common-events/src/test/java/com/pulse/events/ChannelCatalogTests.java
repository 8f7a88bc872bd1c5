package com.pulse.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.pulse.identity.Caller;
import com.pulse.identity.JobRole;
import com.pulse.identity.Role;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ChannelCatalogTests {

  private final ChannelCatalog catalog = ChannelCatalog.standard();

  private static Caller caller(String id, Set<Role> roles, JobRole jobRole, String department, String patientId) {
    return new Caller(id, id, roles, jobRole, department, patientId, null);
  }

  private static final Caller ADMIN = caller("admin", Set.of(Role.ADMIN), null, null, null);
  private static final Caller DR_KIM = caller("dr.kim", Set.of(Role.DOCTOR), null, null, null);
  private static final Caller RIS = caller("ris.park", Set.of(Role.RIS), JobRole.RIS, null, null);
  private static final Caller PATIENT = caller("patient.1001", Set.of(Role.PATIENT), null, null, "1001");
  private static final Caller XRAY_DISPLAY = caller("display.xray", Set.of(Role.DISPLAY), null, "XRAY", null);
  private static final Caller EMPLOYEE = caller("emp.12345", Set.of(Role.EMPLOYEE), null, null, null);

  @Test
  void theShippedCatalogMeetsItsSchema() throws Exception {
    var schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(SchemaLocation.of("classpath:schemas/channel-catalog.v1.json"));
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(ChannelCatalog.RESOURCE)) {
      assertThat(schema.validate(JsonMapper.builder().build().readTree(in))).isEmpty();
    }
  }

  @Test
  void jobRoleChannelsAreExactlyTheContractsJobRoles() {
    CatalogEntry jobs = catalog.entryOf("ocs:job:RIS").orElseThrow();

    assertThat(jobs.values()).containsExactlyInAnyOrderElementsOf(
        Arrays.stream(JobRole.values()).map(Enum::name).toList());
    assertThat(catalog.isKnown("ocs:job:XRAY")).isFalse();
  }

  @Test
  void aDoctorMayOnlyJoinTheirOwnChannel() {
    assertThat(catalog.maySubscribe(DR_KIM, "ocs:doctor:dr.kim")).isTrue();
    assertThat(catalog.maySubscribe(DR_KIM, "ocs:doctor:dr.lee")).isFalse();
    assertThat(catalog.maySubscribe(ADMIN, "ocs:doctor:dr.lee")).isTrue();
  }

  @Test
  void aPatientOnlyTheirOwnJourneyAndADisplayOnlyItsQueue() {
    assertThat(catalog.maySubscribe(PATIENT, "journey:patient:1001")).isTrue();
    assertThat(catalog.maySubscribe(PATIENT, "journey:patient:1002")).isFalse();
    assertThat(catalog.maySubscribe(PATIENT, "journey:queue:XRAY")).isFalse();
    assertThat(catalog.maySubscribe(XRAY_DISPLAY, "journey:queue:XRAY")).isTrue();
    assertThat(catalog.maySubscribe(XRAY_DISPLAY, "journey:queue:CT")).isFalse();
    assertThat(catalog.maySubscribe(XRAY_DISPLAY, "journey:patient:1001")).isFalse();
  }

  @Test
  void theUserChannelIsOnlyItsOwnersNotEvenAnAdministrators() {
    assertThat(catalog.maySubscribe(ADMIN, "user:admin")).isTrue();
    assertThat(catalog.maySubscribe(ADMIN, "user:dr.kim")).isFalse();
  }

  @Test
  void autoJoinFollowsRolesAndClaims() {
    assertThat(catalog.autoJoin(ADMIN)).containsExactly("ocs:all", "user:admin");
    assertThat(catalog.autoJoin(DR_KIM)).containsExactly("ocs:doctor:dr.kim", "user:dr.kim");
    assertThat(catalog.autoJoin(RIS)).containsExactly("ocs:job:RIS", "user:ris.park");
    assertThat(catalog.autoJoin(PATIENT)).containsExactly("journey:patient:1001", "user:patient.1001");
    assertThat(catalog.autoJoin(XRAY_DISPLAY)).containsExactly("journey:queue:XRAY", "user:display.xray");
    assertThat(catalog.autoJoin(EMPLOYEE)).containsExactly("vote:polls", "user:emp.12345");
  }

  @Test
  void aClaimWithAnIdNoChannelCanHoldJoinsNothing() {
    Caller odd = caller("odd user", Set.of(Role.DISPLAY), null, "X RAY", null);

    assertThat(catalog.autoJoin(odd)).isEmpty();
  }

  @Test
  void presenceOnlyWhereTheCatalogAllowsIt() {
    assertThat(catalog.allowsPresence("vote:poll:7")).isTrue();
    assertThat(catalog.allowsPresence("ocs:all")).isFalse();
    assertThat(catalog.allowsPresence("nope:7")).isFalse();
  }

  @Test
  void namesThatAreNotChannelsAreUnknown() {
    assertThat(catalog.isKnown("ocs:doctor:")).isFalse();
    assertThat(catalog.isKnown("ocs:doctor:a b")).isFalse();
    assertThat(catalog.isKnown("ocs:doctor:" + "x".repeat(129))).isFalse();
    assertThat(catalog.isKnown("ocs:everything")).isFalse();
    assertThat(catalog.isKnown(null)).isFalse();
    assertThat(catalog.namespaces()).containsExactly("ocs", "spc", "journey", "vote", "user");
  }

  @Test
  void aChannelDeclaredTwiceOrAnUnknownRoleIsRefused() {
    assertThatThrownBy(() -> read("""
        {"channels":[{"channel":"a:b","description":"x","subscribe":[]},
                     {"channel":"a:b","description":"y","subscribe":[]}]}"""))
        .hasMessageContaining("declared twice");
    assertThatThrownBy(() -> read("""
        {"channels":[{"channel":"a:b","description":"x","subscribe":[{"roles":["WIZARD"]}]}]}"""))
        .hasMessageContaining("unknown role WIZARD");
    assertThatThrownBy(() -> read("""
        {"channels":[{"channel":"a:{id}","description":"x","subscribe":[],"autoJoin":[{"roles":["ADMIN"]}]}]}"""))
        .hasMessageContaining("must name the claim");
  }

  private static ChannelCatalog read(String json) {
    return new ChannelCatalog(CatalogReader.read(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test"));
  }

  @Test
  void everyAutoJoinedChannelIsOneTheCallerMaySubscribeTo() {
    for (Caller caller : List.of(ADMIN, DR_KIM, RIS, PATIENT, XRAY_DISPLAY, EMPLOYEE)) {
      assertThat(catalog.autoJoin(caller)).allSatisfy(channel ->
          assertThat(catalog.maySubscribe(caller, channel)).as(caller.id() + " → " + channel).isTrue());
    }
  }
}

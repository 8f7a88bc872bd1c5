package com.pulse.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pulse.notification.inbox.OrderPublisher.Published;
import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestUser;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The inbox over REST, filled by the real consumer group from real events on the real broker: who sees what, read
 * state, paging and bad input.
 */
@PulseIntegrationTest
class InboxApiIntegrationTests {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static OrderPublisher kafka;

  @LocalServerPort int port;
  private InboxClient api;

  @BeforeAll
  static void producer() {
    kafka = new OrderPublisher();
  }

  @AfterAll
  static void closeProducer() {
    kafka.close();
  }

  @BeforeEach
  void client() {
    api = new InboxClient(port);
  }

  @Test
  void aDoctorSeesOnlyTheirOwnOrdersAnAdminAllAWorkerTheirJobRoles() throws Exception {
    TestUser doctor = InboxClient.freshDoctor();
    TestUser colleague = InboxClient.freshDoctor();
    Published mineRis = kafka.publish(doctor.id(), "RIS", "ROUTINE");
    Published mineLis = kafka.publish(doctor.id(), "LIS", "STAT");
    Published theirsRis = kafka.publish(colleague.id(), "RIS", "URGENT");
    await().atMost(WAIT).until(() -> api.ids(colleague, "size=10").size() == 1
        && api.ids(doctor, "size=10").size() == 2);

    assertThat(api.ids(doctor, "size=10")).containsExactlyInAnyOrder(mineRis.eventId(), mineLis.eventId());
    assertThat(api.ids(colleague, "size=10")).containsExactly(theirsRis.eventId());
    for (TestUser admin : List.of(TestUser.ADMIN, TestUser.SYSTEM_MANAGER)) {
      assertThat(api.ids(admin, "size=100")).contains(mineRis.eventId(), mineLis.eventId(), theirsRis.eventId());
    }
    assertThat(api.ids(TestUser.RIS_PARK, "size=100")).contains(mineRis.eventId(), theirsRis.eventId())
        .doesNotContain(mineLis.eventId());
    assertThat(api.ids(TestUser.LIS_CHOI, "size=100")).contains(mineLis.eventId())
        .doesNotContain(mineRis.eventId(), theirsRis.eventId());
    // other domains' tests share this inbox and may have written to these users: none of these orders may be there
    for (TestUser nobody : List.of(TestUser.QA_JUNG, TestUser.OP_HAN, TestUser.PATIENT_1001, TestUser.EMP_12345)) {
      assertThat(api.ids(nobody, "size=100")).as(nobody.id())
          .doesNotContain(mineRis.eventId(), mineLis.eventId(), theirsRis.eventId());
    }
  }

  @Test
  void anEntryShowsTheEventItsPriorityAndOnlyTheCallersChannels() throws Exception {
    TestUser doctor = InboxClient.freshDoctor();
    Instant time = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Published stat = kafka.publish(doctor.id(), "RIS", "STAT", time);
    await().atMost(WAIT).until(() -> api.ids(doctor, "").size() == 1);

    JsonNode item = api.get(doctor, "/api/notifications").json().path("items").get(0);
    assertThat(item.path("id").asString()).isEqualTo(stat.eventId());
    assertThat(item.path("type").asString()).isEqualTo("ocs.order.created");
    assertThat(item.path("priority").asString()).isEqualTo("CRITICAL");
    assertThat(item.path("title").asString()).isEqualTo("STAT RIS order CT-HEAD: requested");
    assertThat(item.path("summary").asString()).isEqualTo("Patient P-1001 · ordered by " + doctor.id());
    assertThat(item.path("channels").valueStream().map(JsonNode::asString).toList())
        .containsExactly("ocs:doctor:" + doctor.id());
    assertThat(Instant.parse(item.path("time").asString())).isEqualTo(time);
    assertThat(item.path("position").asString()).isEqualTo(stat.position());
    assertThat(item.path("read").asBoolean()).isFalse();
    assertThat(item.path("event")).isEqualTo(InboxClient.JSON.readTree(stat.value()));
  }

  @Test
  void readingAnotherUsersNotificationIs404AndChangesNothing() throws Exception {
    TestUser owner = InboxClient.freshDoctor();
    TestUser other = InboxClient.freshDoctor();
    Published order = kafka.publish(owner.id(), "LIS", "ROUTINE");
    await().atMost(WAIT).until(() -> api.unread(owner) == 1);

    for (TestUser intruder : List.of(other, TestUser.RIS_PARK, TestUser.PATIENT_1001)) {
      InboxClient.Response refused = api.post(intruder, "/api/notifications/" + order.eventId() + "/read");
      assertThat(refused.status()).as(intruder.id()).isEqualTo(404);
      assertThat(refused.contentType()).startsWith("application/problem+json");
      assertThat(refused.body()).doesNotContain(owner.id());
    }
    assertThat(api.post(owner, "/api/notifications/no-such-event/read").status()).isEqualTo(404);
    assertThat(api.unread(owner)).isEqualTo(1);
    assertThat(api.post(TestUser.LIS_CHOI, "/api/notifications/" + order.eventId() + "/read").status())
        .as("the job role's worker may").isEqualTo(204);
    assertThat(api.unread(owner)).as("read state is per user").isEqualTo(1);
  }

  @Test
  void unreadCountFollowsReadAndReadAll() throws Exception {
    TestUser doctor = InboxClient.freshDoctor();
    List<Published> orders = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      orders.add(kafka.publish(doctor.id(), "RIS", "ROUTINE"));
    }
    await().atMost(WAIT).until(() -> api.unread(doctor) == 3);

    assertThat(api.post(doctor, "/api/notifications/" + orders.get(1).eventId() + "/read").status()).isEqualTo(204);
    assertThat(api.unread(doctor)).isEqualTo(2);
    assertThat(api.post(doctor, "/api/notifications/" + orders.get(1).eventId() + "/read").status())
        .as("reading twice is harmless").isEqualTo(204);
    assertThat(api.unread(doctor)).isEqualTo(2);
    assertThat(api.ids(doctor, "unread=true"))
        .containsExactlyInAnyOrder(orders.get(0).eventId(), orders.get(2).eventId());
    assertThat(api.get(doctor, "/api/notifications").json().path("items").valueStream()
        .filter(item -> item.path("read").asBoolean()).map(item -> item.path("id").asString()).toList())
        .containsExactly(orders.get(1).eventId());

    assertThat(api.post(doctor, "/api/notifications/read-all").status()).isEqualTo(204);
    assertThat(api.unread(doctor)).isZero();
    assertThat(api.ids(doctor, "unread=true")).isEmpty();
    assertThat(api.ids(doctor, "")).hasSize(3);

    Published later = kafka.publish(doctor.id(), "RIS", "ROUTINE");
    await().atMost(WAIT).until(() -> api.unread(doctor) == 1);
    assertThat(api.ids(doctor, "unread=true")).containsExactly(later.eventId());
  }

  @Test
  void pagesGoNewestFirstWithoutGapsOrRepeats() throws Exception {
    TestUser doctor = InboxClient.freshDoctor();
    Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    List<String> oldestFirst = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      oldestFirst.add(kafka.publish(doctor.id(), i % 2 == 0 ? "RIS" : "LIS", "ROUTINE", start.plusSeconds(i))
          .eventId());
    }
    await().atMost(WAIT).until(() -> api.unread(doctor) == 5);

    List<String> seen = new ArrayList<>();
    List<Integer> pageSizes = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page = api.get(doctor, "/api/notifications?size=2" + (cursor == null ? "" : "&cursor=" + cursor))
          .json();
      List<String> ids = page.path("items").valueStream().map(item -> item.path("id").asString()).toList();
      seen.addAll(ids);
      pageSizes.add(ids.size());
      cursor = page.path("nextCursor").isString() ? page.path("nextCursor").asString() : null;
    } while (cursor != null);

    assertThat(seen).containsExactlyElementsOf(oldestFirst.reversed());
    assertThat(pageSizes).containsExactly(2, 2, 1);
  }

  @Test
  void badParametersAreProblemsNamingTheParameter() {
    TestUser doctor = InboxClient.freshDoctor();
    for (String query : List.of("size=0", "size=101", "size=ten", "unread=yes", "cursor=bm90LWEtY3Vyc29y")) {
      InboxClient.Response response = api.get(doctor, "/api/notifications?" + query);
      assertThat(response.status()).as(query).isEqualTo(400);
      assertThat(response.contentType()).startsWith("application/problem+json");
      assertThat(response.fields()).as(query).containsExactly(query.substring(0, query.indexOf('=')));
      assertThat(response.json().path("status").asInt()).isEqualTo(400);
      assertThat(response.json().path("instance").asString()).isEqualTo("/api/notifications");
    }
  }

  @Test
  void everyInboxEndpointNeedsAToken() {
    assertThat(api.get(null, "/api/notifications").status()).isEqualTo(401);
    assertThat(api.get(null, "/api/notifications/unread-count").status()).isEqualTo(401);
    assertThat(api.post(null, "/api/notifications/read-all").status()).isEqualTo(401);
    assertThat(api.post(null, "/api/notifications/x/read").status()).isEqualTo(401);
  }
}

package com.pulse.notification.preference;

import com.pulse.events.Priority;
import com.pulse.notification.OrderAnnouncements;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pulse.notification.channel.DeliveryPreferences;
import com.pulse.notification.inbox.InboxClient;
import com.pulse.notification.inbox.OrderPublisher;
import com.pulse.notification.inbox.OrderPublisher.Published;
import com.pulse.notification.stream.Position;
import com.pulse.notification.stream.StreamEvent;
import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestUser;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Preferences over REST: validated field by field, stored per user, and applied to the inbox and to live delivery.
 */
@PulseIntegrationTest
class PreferenceIntegrationTests {

  private static final String PATH = "/api/notifications/preferences";

  @LocalServerPort int port;
  @Autowired DeliveryPreferences live;
  @Autowired PreferenceCache cache;
  @Autowired JdbcClient jdbc;

  @Test
  void aUserWithoutPreferencesGetsEverythingAndMaySetTheirOwn() {
    InboxClient api = new InboxClient(port);
    TestUser doctor = InboxClient.freshDoctor();
    assertThat(api.get(doctor, PATH).json()).isEqualTo(InboxClient.JSON.readTree(
        "{\"minimumPriority\":\"LOW\",\"mutedTypes\":[]}"));

    InboxClient.Response saved = api.put(doctor, PATH, "{\"minimumPriority\":\"HIGH\","
        + "\"mutedTypes\":[\"spc.alert.raised\",\"ocs.order.created\",\"ocs.order.created\"]}");

    assertThat(saved.status()).isEqualTo(200);
    String stored = "{\"minimumPriority\":\"HIGH\",\"mutedTypes\":[\"ocs.order.created\",\"spc.alert.raised\"]}";
    assertThat(saved.json()).isEqualTo(InboxClient.JSON.readTree(stored));
    assertThat(api.get(doctor, PATH).json()).isEqualTo(InboxClient.JSON.readTree(stored));
    assertThat(api.get(InboxClient.freshDoctor(), PATH).json().path("minimumPriority").asString())
        .as("another user's are their own").isEqualTo("LOW");
  }

  @Test
  void invalidPreferencesAreProblemsNamingTheFieldAndChangeNothing() {
    InboxClient api = new InboxClient(port);
    TestUser doctor = InboxClient.freshDoctor();
    api.put(doctor, PATH, "{\"minimumPriority\":\"NORMAL\",\"mutedTypes\":[]}");
    Map<String, List<String>> fieldsByBody = Map.of(
        "{\"minimumPriority\":\"URGENT\"}", List.of("minimumPriority"),
        "{\"minimumPriority\":\"high\"}", List.of("minimumPriority"),
        "{\"mutedTypes\":[\"ocs.order.created\",\"not a type\"]}", List.of("mutedTypes[1]"),
        "{\"mutedTypes\":[null]}", List.of("mutedTypes[0]"),
        "{\"mutedTypes\":\"ocs.order.created\"}", List.of("mutedTypes"),
        "{\"minimumPriority\":\"SOMETIMES\",\"mutedTypes\":[\"OCS\"]}", List.of("minimumPriority", "mutedTypes[0]"));
    fieldsByBody.forEach((body, fields) -> {
      InboxClient.Response refused = api.put(doctor, PATH, body);
      assertThat(refused.status()).as(body).isEqualTo(400);
      assertThat(refused.contentType()).as(body).startsWith("application/problem+json");
      assertThat(refused.fields()).as(body).containsExactlyElementsOf(fields);
    });
    InboxClient.Response malformed = api.put(doctor, PATH, "{\"minimumPriority\":");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.contentType()).startsWith("application/problem+json");

    assertThat(api.get(doctor, PATH).json().path("minimumPriority").asString()).isEqualTo("NORMAL");
    assertThat(api.get(null, PATH).status()).isEqualTo(401);
  }

  @Test
  void preferencesFilterTheInboxListAndItsUnreadCount() throws Exception {
    InboxClient api = new InboxClient(port);
    TestUser doctor = InboxClient.freshDoctor();
    Published routine;
    Published urgent;
    Published stat;
    try (OrderPublisher kafka = new OrderPublisher()) {
      routine = kafka.publish(doctor.id(), "RIS", "ROUTINE");
      urgent = kafka.publish(doctor.id(), "LIS", "URGENT");
      stat = kafka.publish(doctor.id(), "RIS", "STAT");
    }
    await().atMost(Duration.ofSeconds(20)).until(() -> api.unread(doctor) == 3);

    api.put(doctor, PATH, "{\"minimumPriority\":\"HIGH\"}");
    assertThat(api.ids(doctor, "")).containsExactlyInAnyOrder(urgent.eventId(), stat.eventId());
    assertThat(api.unread(doctor)).isEqualTo(2);

    api.put(doctor, PATH, "{\"minimumPriority\":\"CRITICAL\"}");
    assertThat(api.ids(doctor, "unread=true")).containsExactly(stat.eventId());

    api.put(doctor, PATH, "{\"mutedTypes\":[\"ocs.order.created\"]}");
    assertThat(api.ids(doctor, "")).isEmpty();
    assertThat(api.unread(doctor)).isZero();

    api.put(doctor, PATH, "{}");
    assertThat(api.ids(doctor, "")).containsExactlyInAnyOrder(routine.eventId(), urgent.eventId(), stat.eventId());
  }

  @Test
  void liveDeliveryFollowsASaveAtOnce() {
    InboxClient api = new InboxClient(port);
    TestUser doctor = InboxClient.freshDoctor();
    StreamEvent routine = order("ROUTINE");
    StreamEvent stat = order("STAT");
    assertThat(live.accepts(doctor.id(), routine)).isTrue();

    api.put(doctor, PATH, "{\"minimumPriority\":\"HIGH\"}");
    assertThat(live.accepts(doctor.id(), routine)).isFalse();
    assertThat(live.accepts(doctor.id(), stat)).isTrue();

    api.put(doctor, PATH, "{\"mutedTypes\":[\"ocs.order.created\"]}");
    assertThat(live.accepts(doctor.id(), stat)).isFalse();
    assertThat(live.accepts(InboxClient.freshDoctor().id(), stat)).as("only that user's").isTrue();
  }

  @Test
  void aSaveThroughAnotherInstanceReachesLiveDeliveryWithTheNextRefresh() {
    String user = InboxClient.freshDoctor().id();
    // what another instance's PUT leaves behind: the row, not this instance's copy
    jdbc.sql("insert into notification_preference (user_id, minimum_priority, muted_types)"
            + " values (:user, 'CRITICAL', '{}')")
        .param("user", user).update();
    assertThat(cache.of(user).minimumPriority()).isEqualTo(Priority.LOW);

    cache.refresh();

    assertThat(live.accepts(user, order("URGENT"))).isFalse();
    assertThat(live.accepts(user, order("STAT"))).isTrue();
  }

  private static StreamEvent order(String priority) {
    return new StreamEvent(new Position("ocs.orders.v1", 0, 0), new byte[0], "e-" + priority, "ocs.order.created",
        "o-1", Instant.now(), List.of("ocs:doctor:dr.x"), OrderAnnouncements.priority(priority), null, null);
  }
}

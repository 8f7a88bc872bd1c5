package com.pulse.notification.edge;

import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestUser;
import com.pulse.testsupport.fuzz.ApiFuzz;
import com.pulse.testsupport.fuzz.Endpoint;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every REST endpoint of notification-service, spoiled one part at a time (issue 11, item 4): never a 5xx, every
 * error a problem. A user of its own, so the preferences the probes save reach nobody else's delivery. {@code /sse}
 * is left out (a valid probe would be a stream that never ends); its errors are checked in
 * {@link NotificationErrorsTests}.
 */
@PulseIntegrationTest
class NotificationFuzzTests {

  @LocalServerPort int port;

  @TestFactory
  Stream<DynamicTest> noSpoiledRequestIsA5xxOrAnswersWithoutAProblem() {
    String id = "fuzz-" + UUID.randomUUID().toString().substring(0, 8);
    TestUser user = new TestUser(id, id, List.of("DOCTOR"), null, null, null);
    TestUser employee = new TestUser("emp." + id, id, List.of("EMPLOYEE"), null, null, id);
    Stream<DynamicTest> presence = ApiFuzz.on(port, employee::bearer).over(List.of(
        Endpoint.get("/api/notifications/presence").query("channel", "vote:poll:7")));
    return Stream.concat(presence, ApiFuzz.on(port, user::bearer).over(List.of(
        Endpoint.get("/api/notifications").query("unread", "true").query("size", "20"),
        Endpoint.get("/api/notifications/unread-count"),
        Endpoint.post("/api/notifications/{id}/read").pathVariable("id", UUID.randomUUID().toString()),
        Endpoint.post("/api/notifications/read-all"),
        Endpoint.get("/api/notifications/preferences"),
        Endpoint.put("/api/notifications/preferences",
            "{\"minimumPriority\":\"LOW\",\"mutedTypes\":[\"ocs.order.created\"]}"),
        Endpoint.get("/api/notifications/events").query("channel", "user:" + id).query("limit", "10"))));
  }
}

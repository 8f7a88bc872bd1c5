package com.pulse.notification.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.notification.stream.Position;
import com.pulse.notification.stream.StreamEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RoutingRulesTests {

  private final RoutingRules rules = new RoutingRules();

  @Test
  void anOrderEventGoesToEveryOrderAudienceItsDataNames() {
    assertThat(rules.route(event("ocs.order.created", "dr.kim", "RIS")))
        .containsExactly("ocs:all", "ocs:doctor:dr.kim", "ocs:job:RIS");
    assertThat(rules.route(event("ocs.order.accepted", "dr.lee", "LIS")))
        .containsExactly("ocs:all", "ocs:doctor:dr.lee", "ocs:job:LIS");
  }

  @Test
  void aMissingOrBlankFieldMeansNoChannelForItNotAChannelForEveryone() {
    assertThat(rules.route(event("ocs.order.created", null, "LIS"))).containsExactly("ocs:all", "ocs:job:LIS");
    assertThat(rules.route(event("ocs.order.created", " ", null))).containsExactly("ocs:all");
  }

  @Test
  void eventsOfOtherDomainsDoNotReachOrderChannels() {
    assertThat(rules.route(event("spc.alert.raised", "dr.kim", "RIS"))).containsExactly("spc:alerts");
    assertThat(rules.route(event("ocsx.something", "dr.kim", "RIS"))).isEmpty();
  }

  static List<Arguments> everyDomain() {
    return List.of(
        Arguments.of("spc.alert.raised", Map.of("productId", "P-7"), List.of("spc:alerts", "spc:product:P-7")),
        Arguments.of("spc.measurement.recorded", Map.of("productId", "P-7"), List.of("spc:product:P-7")),
        Arguments.of("journey.patient.called", Map.of("patientId", "1001", "queueId", "CT-1"),
            List.of("journey:patient:1001", "journey:queue:CT-1")),
        Arguments.of("journey.patient.arrived", Map.of("patientId", "1001"), List.of("journey:patient:1001")),
        Arguments.of("vote.poll.tallied", Map.of("pollId", "lunch-42"), List.of("vote:poll:lunch-42")),
        Arguments.of("vote.poll.tallied", Map.of("pollId", "has space"), List.of()),
        Arguments.of("spc.alert.raised", Map.of("productId", "P-7", "recipientId", "qa.jung"),
            List.of("spc:alerts", "spc:product:P-7", "user:qa.jung")));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyDomain")
  void everyDomainRoutesFromItsData(String type, Map<String, String> data, List<String> channels) {
    StreamEvent event = new StreamEvent(new Position("x.y.v1", 0, 1), "{}".getBytes(), "id-1", type, null,
        Instant.now(), data);

    assertThat(rules.route(event)).containsExactlyElementsOf(channels);
  }

  private static StreamEvent event(String type, String doctorId, String jobRole) {
    Map<String, String> data = new HashMap<>();
    if (doctorId != null) {
      data.put("doctorId", doctorId);
    }
    if (jobRole != null) {
      data.put("jobRole", jobRole);
    }
    return new StreamEvent(new Position("ocs.orders.v1", 0, 1), "{}".getBytes(), "id-1", type, "order-1",
        Instant.now(), data);
  }
}

package com.pulse.notification.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.notification.stream.Position;
import com.pulse.notification.stream.StreamEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
    assertThat(rules.route(event("spc.alert.raised", "dr.kim", "RIS"))).isEmpty();
    assertThat(rules.route(event("ocsx.something", "dr.kim", "RIS"))).isEmpty();
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

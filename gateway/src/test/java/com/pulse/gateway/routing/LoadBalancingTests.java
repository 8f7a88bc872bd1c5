package com.pulse.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.gateway.GatewayTestBase;
import com.pulse.testsupport.TestUser;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code OCS_URL} lists two instances ({@code Downstreams}): the gateway spreads requests over both. */
class LoadBalancingTests extends GatewayTestBase {

  @Test
  void requestsReachEveryConfiguredInstance() {
    String bearer = "Bearer " + tokenFor(TestUser.DR_LEE);
    Map<String, Integer> perInstance = new HashMap<>();

    for (int i = 0; i < 10; i++) {
      String instance = http().get().uri("/api/ocs/orders?page=" + i).header("Authorization", bearer)
          .exchange()
          .expectStatus().isOk()
          .returnResult(String.class).getResponseHeaders().getFirst("X-Seen-Instance");
      perInstance.merge(instance, 1, Integer::sum);
    }

    assertThat(perInstance).containsOnlyKeys("a", "b");
    assertThat(perInstance.get("a")).isEqualTo(5); // round robin
  }
}

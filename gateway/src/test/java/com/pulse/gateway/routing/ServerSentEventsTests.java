package com.pulse.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.gateway.GatewayTestBase;
import com.pulse.testsupport.TestUser;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.util.function.Tuple2;

/** {@code /sse} is streamed: an event reaches the client as soon as the service sends it, not with the last one. */
class ServerSentEventsTests extends GatewayTestBase {

  @Test
  void eventsArriveOneByOne() {
    String token = tokenFor(TestUser.PATIENT_1001);

    List<Tuple2<Long, String>> events = WebClient.create(baseUrl()).get().uri("/sse?access_token=" + token)
        .accept(MediaType.TEXT_EVENT_STREAM)
        .retrieve()
        .bodyToFlux(String.class)
        .elapsed()
        .collectList()
        .block(Duration.ofSeconds(10));

    assertThat(events).extracting(Tuple2::getT2).containsExactly("first", "second");
    assertThat(events.get(0).getT1()).as("ms until the first event").isLessThan(1500);
    assertThat(events.get(1).getT1()).as("ms between the events").isGreaterThanOrEqualTo(1500);
  }
}

package com.pulse.notification.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.events.Priority;
import com.pulse.notification.stream.Position;
import com.pulse.notification.stream.StreamEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The event frame is built by hand; it must still be the JSON the protocol describes, whatever the channel names. */
class DeliveryTests {

  private static final String EVENT = "{\"specversion\":\"1.0\",\"id\":\"e-1\",\"data\":{\"note\":\"caf\u00e9 \\\"x\\\"\"}}";

  @Test
  void theFrameEmbedsTheEventAsKafkaHeldItWithTheChannelsAndPosition() {
    byte[] frame = delivery(List.of("ocs:all", "ocs:doctor:dr.kim")).frame();

    assertThat(new String(frame, StandardCharsets.UTF_8)).isEqualTo("{\"type\":\"event\","
        + "\"channels\":[\"ocs:all\",\"ocs:doctor:dr.kim\"],\"position\":\"ocs.orders.v1:0:17,1:3,2:41\","
        + "\"event\":" + EVENT + "}");
  }

  @Test
  void namesThatNeedEscapingAreStillValidJson() {
    List<String> odd = List.of("user:a\"b", "user:back\\slash", "user:\u00fcml", "user:tab\t");
    JsonNode frame = JsonMapper.shared().readTree(delivery(odd).frame());

    assertThat(frame.path("channels").valueStream().map(JsonNode::asString).toList()).isEqualTo(odd);
    assertThat(frame.path("event").path("data").path("note").asString()).isEqualTo("caf\u00e9 \"x\"");
  }

  private static Delivery delivery(List<String> channels) {
    StreamEvent event = new StreamEvent(new Position("ocs.orders.v1", 2, 41), EVENT.getBytes(StandardCharsets.UTF_8),
        "e-1", "ocs.order.created", "order-1", Instant.EPOCH, channels, Priority.NORMAL, null, null);
    return new Delivery(event, channels, "ocs.orders.v1:0:17,1:3,2:41");
  }
}

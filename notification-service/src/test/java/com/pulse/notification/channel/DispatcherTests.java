package com.pulse.notification.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.events.ChannelCatalog;
import com.pulse.events.Priority;
import com.pulse.notification.stream.Position;
import com.pulse.notification.stream.StreamEvent;
import java.nio.charset.StandardCharsets;
import com.pulse.notification.metrics.NotificationMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DispatcherTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String RAW = "{\"specversion\":\"1.0\",\"id\":\"e-1\",\"type\":\"ocs.order.created\","
      + "\"audience\":\"ocs:all,ocs:doctor:dr.kim,ocs:job:RIS\","
      + "\"data\":{\"doctorId\":\"dr.kim\",\"jobRole\":\"RIS\",\"notes\":\"ünïcode \\\"quoted\\\"\"}}";
  private static final List<String> AUDIENCE = List.of("ocs:all", "ocs:doctor:dr.kim", "ocs:job:RIS");

  private final ChannelRegistry registry = new ChannelRegistry();
  private final Dispatcher dispatcher = new Dispatcher(ChannelCatalog.standard(), registry,
      new ChannelHistory(new HistoryProperties(Duration.ofMinutes(10), 100), Clock.systemUTC()),
      new StaticListableBeanFactory().getBeanProvider(DeliveryPreferences.class),
      new NotificationMetrics(new SimpleMeterRegistry()));

  @Test
  void aSubscriberInSeveralMatchingChannelsGetsTheEventOnceWithEveryChannelItMatched() {
    Recorder chief = new Recorder();
    join(chief, "ocs:all", "ocs:doctor:dr.kim", "ocs:job:RIS", "ocs:job:LIS");

    dispatcher.on(event());

    assertThat(chief.received).hasSize(1);
    assertThat(chief.received.getFirst().channels()).containsExactly("ocs:all", "ocs:doctor:dr.kim", "ocs:job:RIS");
  }

  @Test
  void subscribersThatMatchedTheSameChannelsShareOneFrame() {
    Recorder admin1 = join("ocs:all");
    Recorder admin2 = join("ocs:all");
    Recorder doctor = join("ocs:doctor:dr.kim");
    Recorder adminDoctor = new Recorder();
    join(adminDoctor, "ocs:all", "ocs:doctor:dr.kim");

    dispatcher.on(event());

    byte[] adminFrame = admin1.received.getFirst().frame();
    assertThat(admin2.received.getFirst().frame()).isSameAs(adminFrame);
    assertThat(doctor.received.getFirst().frame()).isNotSameAs(adminFrame);
    assertThat(adminDoctor.received.getFirst().channels()).containsExactly("ocs:all", "ocs:doctor:dr.kim");
  }

  @Test
  void anotherEncodingIsBuiltOncePerEventAndSharedByEveryDeliveryWhateverChannelsEachMatched() {
    List<StreamEvent> encoded = new ArrayList<>();
    EventEncoding dialect = event -> {
      encoded.add(event);
      return ("{\"type\":\"dialect\",\"id\":\"" + event.id() + "\"}").getBytes(StandardCharsets.UTF_8);
    };
    Recorder admin = join("ocs:all");
    Recorder doctor = join("ocs:doctor:dr.kim");
    Recorder worker = join("ocs:job:RIS");
    Recorder adminDoctor = new Recorder();
    join(adminDoctor, "ocs:all", "ocs:doctor:dr.kim");

    dispatcher.on(event());

    byte[] frame = admin.received.getFirst().frame(dialect);
    assertThat(new String(frame, StandardCharsets.UTF_8)).isEqualTo("{\"type\":\"dialect\",\"id\":\"e-1\"}");
    for (Recorder other : List.of(doctor, worker, adminDoctor)) {
      assertThat(other.received.getFirst()).isNotSameAs(admin.received.getFirst());
      assertThat(other.received.getFirst().frame(dialect)).isSameAs(frame);
    }
    assertThat(encoded).hasSize(1);
  }

  @Test
  void anEncodingThatLeavesTheEventOutIsAskedOnceAndGivesNull() {
    int[] asked = {0};
    EventEncoding nothing = event -> {
      asked[0]++;
      return null;
    };
    Recorder admin = join("ocs:all");
    Recorder doctor = join("ocs:doctor:dr.kim");

    dispatcher.on(event());

    assertThat(admin.received.getFirst().frame(nothing)).isNull();
    assertThat(doctor.received.getFirst().frame(nothing)).isNull();
    assertThat(asked[0]).isEqualTo(1);
  }

  @Test
  void theFrameEmbedsTheEventBytesExactlyAsTheyCame() {
    Recorder admin = join("ocs:all");

    dispatcher.on(event());

    byte[] frame = admin.received.getFirst().frame();
    String text = new String(frame, StandardCharsets.UTF_8);
    assertThat(text).isEqualTo("{\"type\":\"event\",\"channels\":[\"ocs:all\"],\"position\":\"ocs.orders.v1:2:41\","
        + "\"event\":" + RAW + "}");
    JsonNode parsed = JSON.readTree(frame);
    assertThat(parsed.path("event")).isEqualTo(JSON.readTree(RAW));
  }

  @Test
  void theAudienceAloneDecidesWhoGetsAnEventNotItsTypeOrPayload() {
    Recorder admin = join("ocs:all");
    Recorder kim = join("ocs:doctor:dr.kim");
    Recorder ris = join("ocs:job:RIS");

    // an order event whose producer addressed only the doctor: nobody else gets it, whatever its data says
    dispatcher.on(event(List.of("ocs:doctor:dr.kim")));

    assertThat(kim.received).hasSize(1);
    assertThat(admin.received).isEmpty();
    assertThat(ris.received).isEmpty();
  }

  @Test
  void channelsTheCatalogDoesNotDeclareAreDroppedAndCounted() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    Dispatcher counting = new Dispatcher(ChannelCatalog.standard(), registry,
        new ChannelHistory(new HistoryProperties(Duration.ofMinutes(10), 100), Clock.systemUTC()),
        new StaticListableBeanFactory().getBeanProvider(DeliveryPreferences.class), new NotificationMetrics(meters));
    Recorder admin = new Recorder();
    counting.join(admin, List.of("ocs:all"), null, Arrival.SILENT);

    counting.on(event(List.of("ocs:job:XRAY", "ocs:all", "nowhere")));

    assertThat(admin.received).singleElement().satisfies(d -> assertThat(d.channels()).containsExactly("ocs:all"));
    assertThat(meters.counter("pulse.notification.audience.unknown").count()).isEqualTo(2);
  }

  @Test
  void anEventWithoutAnAudienceReachesNobody() {
    Recorder admin = join("ocs:all");

    dispatcher.on(event(List.of()));

    assertThat(admin.received).isEmpty();
  }

  @Test
  void nobodyOutsideTheEventsChannelsGetsIt() {
    Recorder lee = join("ocs:doctor:dr.lee");
    Recorder lis = join("ocs:job:LIS");
    Recorder left = join("ocs:all");
    registry.leave(left, List.of("ocs:all"));

    dispatcher.on(event());

    assertThat(lee.received).isEmpty();
    assertThat(lis.received).isEmpty();
    assertThat(left.received).isEmpty();
    assertThat(registry.channelCount()).isEqualTo(2);
  }

  private Recorder join(String channel) {
    Recorder recorder = new Recorder();
    join(recorder, channel);
    return recorder;
  }

  private void join(Subscriber subscriber, String... channels) {
    dispatcher.join(subscriber, List.of(channels), null, Arrival.SILENT);
  }

  private static StreamEvent event() {
    return event(AUDIENCE);
  }

  private static StreamEvent event(List<String> audience) {
    return new StreamEvent(new Position("ocs.orders.v1", 2, 41), RAW.getBytes(StandardCharsets.UTF_8), "e-1",
        "ocs.order.created", "order-1", Instant.now(), audience, Priority.NORMAL, null, null);
  }

  private static final class Recorder implements Subscriber {
    final List<Delivery> received = new ArrayList<>();

    @Override
    public String userId() {
      return "someone";
    }

    @Override
    public void deliver(Delivery delivery) {
      received.add(delivery);
    }
  }
}

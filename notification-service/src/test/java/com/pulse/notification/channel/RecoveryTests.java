package com.pulse.notification.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulse.events.ChannelCatalog;
import com.pulse.events.Priority;
import com.pulse.notification.metrics.NotificationMetrics;
import com.pulse.notification.stream.PartitionId;
import com.pulse.notification.stream.Position;
import com.pulse.notification.stream.StreamEvent;
import com.pulse.notification.stream.StreamPosition;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * Recovery without a network: events from two partitions, a subscriber that leaves and comes back with the position
 * it had, the window's limits, and once-per-subscriber across overlapping channels.
 */
class RecoveryTests {

  private static final String TOPIC = "ocs.orders.v1";

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
  private final ChannelRegistry registry = new ChannelRegistry();
  private final Dispatcher dispatcher = dispatcher(new HistoryProperties(Duration.ofMinutes(10), 5));
  private long[] nextOffset = {0, 0};

  private Dispatcher dispatcher(HistoryProperties limits) {
    Dispatcher created = new Dispatcher(ChannelCatalog.standard(), registry, new ChannelHistory(limits, clock),
        new StaticListableBeanFactory().getBeanProvider(DeliveryPreferences.class), new NotificationMetrics(meters));
    created.assigned(new PartitionId(TOPIC, 0), 0);
    created.assigned(new PartitionId(TOPIC, 1), 0);
    return created;
  }

  @Test
  void aSubscriberThatComesBackWithItsPositionGetsExactlyWhatItMissedInPartitionOrder() {
    Recorder first = new Recorder();
    AtomicReference<StreamPosition> position = new AtomicReference<>();
    subscribe(first, "ocs:job:RIS", null, s -> position.set(s.position()));
    publish(0, "dr.kim", "RIS");
    publish(1, "dr.kim", "RIS");
    publish(0, "dr.lee", "LIS");
    StreamPosition seen = position.get();
    for (Delivery delivery : first.received) {
      seen = seen.with(delivery.event().position());
    }
    dispatcher.leave(first, "ocs:job:RIS");

    List<String> missed = new ArrayList<>();
    missed.add(publish(1, "dr.lee", "RIS"));
    publish(0, "dr.kim", "LIS");
    missed.add(publish(0, "dr.lee", "RIS"));
    missed.add(publish(1, "dr.kim", "RIS"));

    Recorder back = new Recorder();
    AtomicReference<Dispatcher.Subscription> subscribed = new AtomicReference<>();
    subscribe(back, "ocs:job:RIS", seen, subscribed::set);

    assertThat(subscribed.get().recovered()).isTrue();
    assertThat(back.positions()).containsExactlyInAnyOrderElementsOf(missed);
    assertThat(back.positions().stream().filter(p -> p.startsWith(TOPIC + ":1:")).toList())
        .containsExactly(TOPIC + ":1:1", TOPIC + ":1:2");
    String live = publish(0, "dr.kim", "RIS");
    assertThat(back.positions()).last().isEqualTo(live);
    assertThat(subscribed.get().position().offset(new PartitionId(TOPIC, 0))).isEqualTo(3);
  }

  @Test
  void aGapLongerThanTheCountLimitIsNotRecoveredAndNothingIsReplayed() {
    StreamPosition start = dispatcher.position();
    for (int i = 0; i < 6; i++) {
      publish(i % 2, "dr.kim", "RIS");
    }
    Recorder back = new Recorder();
    AtomicReference<Dispatcher.Subscription> subscribed = new AtomicReference<>();

    subscribe(back, "ocs:job:RIS", start, subscribed::set);

    assertThat(subscribed.get().recovered()).isFalse();
    assertThat(back.received).isEmpty();
    assertThat(meters.get("pulse.notification.recoveries").tag("outcome", "not_recovered").counter().count())
        .isEqualTo(1);
    // a later position is still within the limit
    Recorder recent = new Recorder();
    subscribe(recent, "ocs:job:RIS",
        StreamPosition.parse(TOPIC + ":0:0,1:0"), subscribed::set);
    assertThat(subscribed.get().recovered()).isTrue();
    assertThat(recent.positions()).hasSize(4);
  }

  @Test
  void everyFramesPositionIsAWholeResumePointAndALaterPositionResumesWithNothingTwice() {
    Recorder first = new Recorder();
    subscribe(first, "ocs:job:RIS", null, s -> { });
    publish(0, "dr.kim", "RIS");
    publish(1, "dr.lee", "RIS");
    publish(0, "dr.kim", "LIS");
    Delivery last = first.received.getLast();
    StreamPosition kept = StreamPosition.parse(last.position());
    // it names every partition, as far as this instance had read them when the event went out
    assertThat(kept.offsets()).containsOnlyKeys(new PartitionId(TOPIC, 0), new PartitionId(TOPIC, 1));
    assertThat(kept.offset(PartitionId.of(last.event().position()))).isEqualTo(last.event().position().offset());
    dispatcher.leave(first, "ocs:job:RIS");
    String missed = publish(0, "dr.lee", "RIS");

    Recorder back = new Recorder();
    subscribe(back, "ocs:job:RIS", kept, s -> { });

    assertThat(back.positions()).containsExactly(missed);
    // a replayed frame's position resumes right after it too
    assertThat(StreamPosition.parse(back.received.getLast().position()).offset(new PartitionId(TOPIC, 0)))
        .isEqualTo(back.received.getLast().event().position().offset());
  }

  @Test
  void aPartialOrForeignPositionIsRefusedNeverReadAsFromTheBeginning() {
    Dispatcher later = dispatcher(new HistoryProperties(Duration.ofMinutes(10), 5));
    // this instance started reading partition 2 mid-stream: a position leaving it out cannot be trusted
    later.assigned(new PartitionId(TOPIC, 2), 40);
    Recorder client = new Recorder();

    assertThatThrownBy(() -> later.join(client, List.of("ocs:job:RIS"), StreamPosition.parse(TOPIC + ":0:3,1:4"),
        Arrival.SILENT)).isInstanceOf(PositionRefused.class).hasMessageContaining("partial")
        .hasMessageContaining(TOPIC + ":2");
    assertThatThrownBy(() -> later.join(client, List.of("ocs:job:RIS"),
        StreamPosition.parse(TOPIC + ":0:3,1:4,2:50;other.topic.v1:0:7"), Arrival.SILENT))
        .isInstanceOf(PositionRefused.class).hasMessageContaining("other.topic.v1:0");
    assertThatThrownBy(() -> later.eventsSince("ocs:job:RIS", StreamPosition.parse(TOPIC + ":0:3"), 10))
        .isInstanceOf(PositionRefused.class);
    assertThat(registry.coveredFrom(client, "ocs:job:RIS")).as("nothing joined").isNull();
    // partitions this instance reads from their first offset may be left out: "from the beginning" is right there
    later.join(client, List.of("ocs:job:RIS"), StreamPosition.parse(TOPIC + ":2:50"), Arrival.SILENT);
    assertThat(registry.coveredFrom(client, "ocs:job:RIS")).isNotNull();
  }

  @Test
  void channelsRecoveredTogetherGetOneReplayEachEventOnceListingEveryChannelItBelongsTo() {
    StreamPosition before = dispatcher.position();
    String both = publish(0, "dr.kim", "RIS");
    String risOnly = publish(1, "dr.lee", "RIS");
    String kimOnly = publish(0, "dr.kim", "LIS");
    Recorder chief = new Recorder();
    List<Dispatcher.Subscription> subscriptions = new ArrayList<>();

    dispatcher.join(chief, List.of("ocs:doctor:dr.kim", "ocs:job:RIS"), before, new Arrival() {
      @Override
      public void joined(Dispatcher.Subscription subscription) {
        subscriptions.add(subscription);
      }
    });

    assertThat(chief.positions()).containsExactly(both, risOnly, kimOnly);
    assertThat(chief.received.getFirst().channels()).containsExactly("ocs:doctor:dr.kim", "ocs:job:RIS");
    assertThat(subscriptions).extracting(Dispatcher.Subscription::replayed).containsExactly(2, 2);
    assertThat(subscriptions).allMatch(Dispatcher.Subscription::recovered);
  }

  @Test
  void aGapOlderThanTheWindowIsNotRecovered() {
    StreamPosition start = dispatcher.position();
    publish(0, "dr.kim", "RIS");
    clock.advance(Duration.ofMinutes(11));
    publish(0, "dr.kim", "RIS");
    AtomicReference<Dispatcher.Subscription> subscribed = new AtomicReference<>();

    subscribe(new Recorder(), "ocs:job:RIS", start, subscribed::set);

    assertThat(subscribed.get().recovered()).isFalse();
  }

  @Test
  void aRecoveryNeverRepeatsWhatAnotherOfTheSubscribersChannelsAlreadyDelivered() {
    Recorder chief = new Recorder();
    subscribe(chief, "ocs:doctor:dr.kim", null, s -> { });
    StreamPosition before = dispatcher.position();
    String both = publish(0, "dr.kim", "RIS");
    String risOnly = publish(1, "dr.lee", "RIS");

    subscribe(chief, "ocs:job:RIS", before, s -> { });

    assertThat(chief.positions()).containsExactly(both, risOnly);
    String next = publish(0, "dr.kim", "RIS");
    assertThat(chief.positions()).containsExactly(both, risOnly, next);
    assertThat(chief.received.getLast().channels()).containsExactly("ocs:doctor:dr.kim", "ocs:job:RIS");
  }

  @Test
  void pollingPagesFollowEachOtherWithoutGapsOrRepeats() {
    StreamPosition since = dispatcher.position();
    List<String> published = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      published.add(publish(i % 2, "dr.kim", "RIS"));
    }
    List<String> polled = new ArrayList<>();
    for (int page = 0; page < 3; page++) {
      Page events = dispatcher.eventsSince("ocs:job:RIS", since, 2);
      assertThat(events.recovered()).isTrue();
      events.events().forEach(event -> polled.add(event.position().toString()));
      since = events.position();
    }
    assertThat(polled).containsExactlyElementsOf(published);
    assertThat(dispatcher.eventsSince("ocs:job:RIS", since, 2).events()).isEmpty();
  }

  @Test
  void eachEventIsHeldOnceWhateverNumberOfChannelsListIt() {
    ChannelHistory history = new ChannelHistory(new HistoryProperties(Duration.ofMinutes(10), 100), clock);
    StreamEvent event = event(0, 0, "dr.kim", "RIS");
    history.append(new ChannelHistory.Entry(1, event, List.of("ocs:all", "ocs:doctor:dr.kim", "ocs:job:RIS")));

    assertThat(history.size()).isEqualTo(1);
    assertThat(history.last("ocs:all", 10).getFirst().event().json()).isSameAs(event.json());
    assertThat(history.last("ocs:job:RIS", 10).getFirst().event().json()).isSameAs(event.json());
  }

  private String publish(int partition, String doctorId, String jobRole) {
    StreamEvent event = event(partition, nextOffset[partition]++, doctorId, jobRole);
    dispatcher.on(event);
    return event.position().toString();
  }

  private StreamEvent event(int partition, long offset, String doctorId, String jobRole) {
    return new StreamEvent(new Position(TOPIC, partition, offset), "{}".getBytes(), "e-" + partition + "-" + offset,
        "ocs.order.created", "o", clock.instant(),
        List.of("ocs:all", "ocs:doctor:" + doctorId, "ocs:job:" + jobRole), Priority.NORMAL, null, null);
  }

  /** Joins one channel, telling {@code subscribed} the outcome as the protocol's {@code subscribed} frame would. */
  private void subscribe(Subscriber subscriber, String channel, StreamPosition since,
      Consumer<Dispatcher.Subscription> subscribed) {
    dispatcher.join(subscriber, List.of(channel), since, new Arrival() {
      @Override
      public void joined(Dispatcher.Subscription subscription) {
        subscribed.accept(subscription);
      }
    });
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

    List<String> positions() {
      return received.stream().map(delivery -> delivery.event().position().toString()).toList();
    }
  }

  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}

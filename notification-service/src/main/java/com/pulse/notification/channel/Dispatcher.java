package com.pulse.notification.channel;

import com.pulse.events.ChannelCatalog;
import com.pulse.notification.channel.ChannelHistory.Entry;
import com.pulse.notification.channel.ChannelHistory.Recovery;
import com.pulse.notification.metrics.NotificationMetrics;
import com.pulse.notification.stream.PartitionId;
import com.pulse.notification.stream.StreamEvent;
import com.pulse.notification.stream.StreamListener;
import com.pulse.notification.stream.StreamPosition;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The hub of delivery, and a domain-free one: an event goes to the channels its producer named in its
 * {@code audience} (those the {@link ChannelCatalog} declares), is recorded in their history, and is handed live to
 * each member once, with the list of that member's channels it matched (a connection in three matching channels
 * still gets one frame). Members that matched the same channels share one {@link Delivery}, so a frame is built once
 * per distinct channel list; other encodings of the event (a dialect's frame) once per event.
 *
 * <p>A subscriber comes in one way, {@link #join}: greeted, then joined to each channel with the events it missed
 * replayed first, each join acknowledged, all under one lock with recording and live delivery, so it can neither miss
 * an event in between nor get one twice. The lock is held only to queue frames, never to write them.
 */
@Component
@Order(Dispatcher.ORDER)
public final class Dispatcher implements StreamListener {

  static final int ORDER = 1000;

  /** Outcome of one channel's join. {@code position} is where the subscriber stands now in that channel. */
  public record Subscription(String channel, boolean recovered, StreamPosition position, int replayed) {}

  private static final DeliveryPreferences EVERYTHING = (user, event) -> true;

  private final Object lock = new Object();
  private final ChannelCatalog catalog;
  private final ChannelRegistry registry;
  private final ChannelHistory history;
  private final ObjectProvider<DeliveryPreferences> preferenceProvider;
  private final NotificationMetrics metrics;
  private final Map<PartitionId, Long> current = new HashMap<>();
  private volatile DeliveryPreferences preferences;
  private long seq;

  @Autowired
  Dispatcher(ChannelCatalog catalog, ChannelRegistry registry, HistoryProperties limits,
      ObjectProvider<DeliveryPreferences> preferences, NotificationMetrics metrics) {
    this(catalog, registry, new ChannelHistory(limits, Clock.systemUTC()), preferences, metrics);
    metrics.subscriptions(catalog.namespaces(), registry::subscriptions);
  }

  Dispatcher(ChannelCatalog catalog, ChannelRegistry registry, ChannelHistory history,
      ObjectProvider<DeliveryPreferences> preferences, NotificationMetrics metrics) {
    this.catalog = catalog;
    this.registry = registry;
    this.history = history;
    this.preferenceProvider = preferences;
    this.metrics = metrics;
  }

  @Override
  public void assigned(PartitionId partition, long firstOffset) {
    synchronized (lock) {
      history.assigned(partition, firstOffset);
      current.merge(partition, firstOffset - 1, Math::max);
    }
  }

  @Override
  public void on(StreamEvent event) {
    List<String> channels = audience(event);
    synchronized (lock) {
      current.put(PartitionId.of(event.position()), event.position().offset());
      if (channels.isEmpty()) {
        return;
      }
      Entry entry = new Entry(++seq, event, channels);
      history.append(entry);
      deliverLive(entry);
    }
  }

  /** The event's audience, minus names the catalog does not declare (nobody could be a member of those). */
  private List<String> audience(StreamEvent event) {
    List<String> channels = new ArrayList<>(event.audience().size());
    for (String channel : event.audience()) {
      if (catalog.isKnown(channel)) {
        channels.add(channel);
      } else {
        metrics.audienceUnknown();
      }
    }
    return channels;
  }

  private void deliverLive(Entry entry) {
    List<String> reached = new ArrayList<>(entry.channels().size());
    List<Set<Subscriber>> memberSets = new ArrayList<>(entry.channels().size());
    for (String channel : entry.channels()) {
      Set<Subscriber> members = registry.members(channel);
      if (!members.isEmpty()) {
        reached.add(channel);
        memberSets.add(members);
      }
    }
    if (reached.isEmpty()) {
      return;
    }
    // the resume point after this event, for every subscriber alike: everything read so far, every partition
    EventForms forms = new EventForms(entry.event(), StreamPosition.of(current).toString());
    if (reached.size() == 1) {
      // the common case: one audience, one shared frame, no bookkeeping
      Delivery delivery = new Delivery(forms, reached);
      for (Subscriber subscriber : memberSets.getFirst()) {
        deliver(subscriber, delivery);
      }
    } else {
      Map<Subscriber, List<String>> matched = new IdentityHashMap<>();
      for (int i = 0; i < reached.size(); i++) {
        for (Subscriber subscriber : memberSets.get(i)) {
          matched.computeIfAbsent(subscriber, s -> new ArrayList<>(2)).add(reached.get(i));
        }
      }
      Map<List<String>, Delivery> shared = new HashMap<>();
      matched.forEach((subscriber, list) ->
          deliver(subscriber, shared.computeIfAbsent(list, l -> new Delivery(forms, l))));
    }
  }

  /** Live delivery and replay alike ask the user's preferences ({@link DeliveryPreferences}). */
  private void deliver(Subscriber subscriber, Delivery delivery) {
    if (preferences().accepts(subscriber.userId(), delivery.event())) {
      subscriber.deliver(delivery);
    }
  }

  private DeliveryPreferences preferences() {
    DeliveryPreferences resolved = preferences;
    if (resolved == null) {
      resolved = preferenceProvider.getIfAvailable(() -> EVERYTHING);
      preferences = resolved;
    }
    return resolved;
  }

  /**
   * The one way in: greets the subscriber, then joins each channel; with {@code since}, first hands over every event
   * of the channel after that position that this subscriber has not had through another of its channels, in order,
   * or answers not recovered (nothing replayed) when the gap reaches beyond the history. Authorization is the
   * caller's job (the {@link ChannelCatalog}).
   *
   * @param since null for live events only
   * @param arrival told the greeting, each outcome and the end, before any later live event
   * @throws PositionRefused when {@code since} is partial or foreign (nothing is joined then)
   */
  public List<Subscription> join(Subscriber subscriber, Collection<String> channels, StreamPosition since,
      Arrival arrival) {
    synchronized (lock) {
      if (since != null) {
        check(since);
      }
      arrival.greet(position());
      List<Subscription> subscriptions = new ArrayList<>(channels.size());
      for (String channel : channels) {
        Subscription subscription = since == null ? joinLive(subscriber, channel) : recover(subscriber, channel, since);
        subscriptions.add(subscription);
        arrival.joined(subscription);
      }
      arrival.done();
      return subscriptions;
    }
  }

  private Subscription joinLive(Subscriber subscriber, String channel) {
    registry.join(subscriber, channel, seq + 1);
    return new Subscription(channel, false, position(), 0);
  }

  private Subscription recover(Subscriber subscriber, String channel, StreamPosition since) {
    Long covered = registry.coveredFrom(subscriber, channel);
    Recovery recovery = history.since(channel, since);
    if (!recovery.recovered()) {
      metrics.recovery("not_recovered");
      return joinLive(subscriber, channel);
    }
    // joined first, so replayed frames list this channel like live ones do; from now on it has everything
    registry.join(subscriber, channel, Long.MIN_VALUE);
    Replay replay = new Replay(since, recovery.entries().size());
    for (Entry entry : recovery.entries()) {
      if (covered != null && entry.seq() >= covered || hadThroughAnotherChannel(subscriber, entry, channel)
          || !preferences().accepts(subscriber.userId(), entry.event())) {
        replay.skip(entry.event());
      } else {
        replay.add(entry.event(), memberChannels(subscriber, entry));
      }
    }
    if (replay.size() > 0) {
      subscriber.replay(replay);
    }
    metrics.recovery("recovered");
    return new Subscription(channel, true, position().max(since), replay.size());
  }

  /** Leaves the channel; true when the subscriber was a member. */
  public boolean leave(Subscriber subscriber, String channel) {
    return registry.leave(subscriber, channel);
  }

  /** The channel's last {@code limit} events held here, oldest first, and the position after them. */
  public Page history(String channel, int limit) {
    synchronized (lock) {
      return new Page(true, history.last(channel, limit).stream().map(Entry::event).toList(), position());
    }
  }

  /**
   * At most {@code limit} events of the channel after {@code since}, for polling; {@code position} is where the next
   * page starts (or, when nothing more is held, where the reader stands now).
   */
  public Page eventsSince(String channel, StreamPosition since, int limit) {
    synchronized (lock) {
      check(since);
      Recovery recovery = history.since(channel, since);
      if (!recovery.recovered()) {
        metrics.recovery("not_recovered");
        return new Page(false, List.of(), position());
      }
      List<Entry> entries = recovery.entries();
      if (entries.size() <= limit) {
        return new Page(true, entries.stream().map(Entry::event).toList(), position().max(since));
      }
      // entries are in partition order, so the next page starts after the last offset returned in each partition
      StreamPosition next = since;
      List<StreamEvent> page = new ArrayList<>(limit);
      for (Entry entry : entries.subList(0, limit)) {
        page.add(entry.event());
        next = next.with(entry.event().position());
      }
      return new Page(true, page, next);
    }
  }

  /**
   * Refuses a position that is not a whole resume point: one naming a partition this service does not read
   * (foreign), or leaving out one it does (partial) — unless this instance holds that partition from its very first
   * offset, as a topic created after the position was given out: "from the beginning" is then exactly right.
   */
  private void check(StreamPosition since) {
    for (PartitionId named : since.offsets().keySet()) {
      if (!current.containsKey(named)) {
        throw new PositionRefused("the position names " + named + ", which this service does not read: it is not a"
            + " position given by this service");
      }
    }
    List<String> missing = new ArrayList<>();
    for (PartitionId known : current.keySet()) {
      if (!since.offsets().containsKey(known) && history.firstOffset(known) > 0) {
        missing.add(known.toString());
      }
    }
    if (!missing.isEmpty()) {
      throw new PositionRefused("the position is partial: it leaves out " + String.join(", ", missing)
          + "; send back a whole position as this service gave it");
    }
  }

  /** Where this instance's intake stands: the last offset read in every partition. */
  public StreamPosition position() {
    synchronized (lock) {
      return StreamPosition.of(current);
    }
  }

  private boolean hadThroughAnotherChannel(Subscriber subscriber, Entry entry, String channel) {
    for (String other : entry.channels()) {
      if (!other.equals(channel)) {
        Long covered = registry.coveredFrom(subscriber, other);
        if (covered != null && covered <= entry.seq()) {
          return true;
        }
      }
    }
    return false;
  }

  private List<String> memberChannels(Subscriber subscriber, Entry entry) {
    List<String> channels = new ArrayList<>(entry.channels().size());
    for (String channel : entry.channels()) {
      if (registry.coveredFrom(subscriber, channel) != null) {
        channels.add(channel);
      }
    }
    return channels;
  }
}

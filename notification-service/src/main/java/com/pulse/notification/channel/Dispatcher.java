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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
  private final IntakePosition intake = new IntakePosition();
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
      intake.assigned(partition, firstOffset);
    }
  }

  @Override
  public void on(StreamEvent event) {
    List<String> channels = audience(event);
    synchronized (lock) {
      intake.read(event.position());
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
    EventForms forms = new EventForms(entry.event(), intake.now().toString());
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
        intake.check(since);
      }
      arrival.greet(position());
      List<Subscription> subscriptions = since == null ? joinLive(subscriber, channels)
          : recover(subscriber, channels, since);
      subscriptions.forEach(arrival::joined);
      arrival.done();
      return subscriptions;
    }
  }

  private List<Subscription> joinLive(Subscriber subscriber, Collection<String> channels) {
    List<Subscription> subscriptions = new ArrayList<>(channels.size());
    for (String channel : channels) {
      registry.join(subscriber, channel, seq + 1);
      subscriptions.add(new Subscription(channel, false, position(), 0));
    }
    return subscriptions;
  }

  /**
   * Recovers every channel at once: one replay of what the subscriber missed in any of them, each event once, in
   * arrival order, listing every channel of the subscriber it belongs to — so an event of two recovering channels
   * reaches the listeners of both, and each channel's events keep their order.
   */
  private List<Subscription> recover(Subscriber subscriber, Collection<String> channels, StreamPosition since) {
    Map<String, Long> coveredBefore = new HashMap<>();
    Map<Long, Entry> missed = new TreeMap<>();
    Map<String, Boolean> recovered = new LinkedHashMap<>();
    for (String channel : channels) {
      coveredBefore.put(channel, registry.coveredFrom(subscriber, channel));
      Recovery recovery = history.since(channel, since);
      recovered.put(channel, recovery.recovered());
      if (recovery.recovered()) {
        recovery.entries().forEach(entry -> missed.put(entry.seq(), entry));
      }
      metrics.recovery(recovery.recovered() ? "recovered" : "not_recovered");
    }
    // joined first, so replayed frames list these channels like live ones do; from now on they have everything
    recovered.forEach((channel, whole) -> registry.join(subscriber, channel, whole ? Long.MIN_VALUE : seq + 1));
    Replay replay = new Replay(since, missed.size());
    Map<String, Integer> replayed = new HashMap<>();
    for (Entry entry : missed.values()) {
      if (hadAlready(subscriber, entry, coveredBefore) || !preferences().accepts(subscriber.userId(), entry.event())) {
        replay.skip(entry.event());
      } else {
        List<String> matched = registry.memberships(subscriber, entry.channels());
        replay.add(entry.event(), matched);
        matched.forEach(channel -> replayed.merge(channel, 1, Integer::sum));
      }
    }
    if (replay.size() > 0) {
      subscriber.replay(replay);
    }
    List<Subscription> subscriptions = new ArrayList<>(channels.size());
    recovered.forEach((channel, whole) -> subscriptions.add(whole
        ? new Subscription(channel, true, position().max(since), replayed.getOrDefault(channel, 0))
        : new Subscription(channel, false, position(), 0)));
    return subscriptions;
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
      intake.check(since);
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

  /** Where this instance's intake stands: the last offset read in every partition. */
  public StreamPosition position() {
    synchronized (lock) {
      return intake.now();
    }
  }

  /**
   * Whether the subscriber already had the event live through one of its channels: a channel it was a member of,
   * before this join, from an arrival number at or before the event's.
   */
  private boolean hadAlready(Subscriber subscriber, Entry entry, Map<String, Long> coveredBefore) {
    for (String channel : entry.channels()) {
      Long covered = coveredBefore.containsKey(channel) ? coveredBefore.get(channel)
          : registry.coveredFrom(subscriber, channel);
      if (covered != null && covered <= entry.seq()) {
        return true;
      }
    }
    return false;
  }
}

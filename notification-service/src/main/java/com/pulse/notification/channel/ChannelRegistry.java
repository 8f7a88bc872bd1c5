package com.pulse.notification.channel;

import com.pulse.events.ChannelCatalog;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * The members of every channel on this instance, each with the arrival number from which it has every event of the
 * channel (so a recovery on another channel never repeats what this one delivered). Joins and leaves come from
 * connection threads, lookups from the intake thread; a channel's member map exists only while it has members.
 */
@Component
public final class ChannelRegistry {

  private final Map<String, Map<Subscriber, Long>> members = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> perNamespace = new ConcurrentHashMap<>();

  /** Joins, or for a member lowers the arrival number it is covered from; true when it was not a member. */
  boolean join(Subscriber subscriber, String channel, long coveredFrom) {
    boolean[] added = {false};
    members.compute(channel, (name, current) -> {
      Map<Subscriber, Long> map = current != null ? current : new ConcurrentHashMap<>();
      Long before = map.get(subscriber);
      added[0] = before == null;
      map.put(subscriber, before == null ? coveredFrom : Math.min(before, coveredFrom));
      return map;
    });
    if (added[0]) {
      counter(channel).incrementAndGet();
    }
    return added[0];
  }

  public void leave(Subscriber subscriber, Collection<String> channels) {
    channels.forEach(channel -> leave(subscriber, channel));
  }

  /** True when it was a member. */
  public boolean leave(Subscriber subscriber, String channel) {
    boolean[] removed = {false};
    members.computeIfPresent(channel, (name, map) -> {
      removed[0] = map.remove(subscriber) != null;
      return map.isEmpty() ? null : map;
    });
    if (removed[0]) {
      counter(channel).decrementAndGet();
    }
    return removed[0];
  }

  /** The channel's members right now (a live view: iterate, don't keep). */
  Set<Subscriber> members(String channel) {
    Map<Subscriber, Long> map = members.get(channel);
    return map == null ? Set.of() : map.keySet();
  }

  /** From which arrival number the subscriber has every event of the channel; null when not a member. */
  Long coveredFrom(Subscriber subscriber, String channel) {
    Map<Subscriber, Long> map = members.get(channel);
    return map == null ? null : map.get(subscriber);
  }

  /** Those of {@code channels} the subscriber is a member of, in the given order. */
  List<String> memberships(Subscriber subscriber, List<String> channels) {
    List<String> joined = new ArrayList<>(channels.size());
    for (String channel : channels) {
      if (coveredFrom(subscriber, channel) != null) {
        joined.add(channel);
      }
    }
    return joined;
  }

  /** The channels with at least one member here (a live view: iterate, don't keep). */
  Set<String> channels() {
    return members.keySet();
  }

  /** How many channels have at least one member here. */
  public int channelCount() {
    return members.size();
  }

  /** Memberships in channels of the namespace ({@code ocs}, {@code user}...) on this instance. */
  public int subscriptions(String namespace) {
    AtomicInteger count = perNamespace.get(namespace);
    return count == null ? 0 : count.get();
  }

  private AtomicInteger counter(String channel) {
    return perNamespace.computeIfAbsent(ChannelCatalog.namespace(channel), namespace -> new AtomicInteger());
  }
}

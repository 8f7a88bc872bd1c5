package com.pulse.notification.channel;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The members of every channel on this instance. Joins and leaves come from connection threads, lookups from the
 * intake thread; a channel's member set exists only while it has members.
 */
@Component
public final class ChannelRegistry {

  private final Map<String, Set<Subscriber>> members = new ConcurrentHashMap<>();

  public void join(Subscriber subscriber, Collection<String> channels) {
    for (String channel : channels) {
      members.compute(channel, (name, current) -> {
        Set<Subscriber> set = current != null ? current : ConcurrentHashMap.newKeySet();
        set.add(subscriber);
        return set;
      });
    }
  }

  public void leave(Subscriber subscriber, Collection<String> channels) {
    for (String channel : channels) {
      members.computeIfPresent(channel, (name, set) -> set.remove(subscriber) && set.isEmpty() ? null : set);
    }
  }

  /** The channel's members right now (a live view: iterate, don't keep). */
  Set<Subscriber> members(String channel) {
    return members.getOrDefault(channel, Set.of());
  }

  /** How many channels have at least one member here. */
  public int channelCount() {
    return members.size();
  }
}

package com.pulse.notification.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The other instances' latest presence, as they shared it: per instance, per channel, how many clients and which
 * users. An instance's share counts until a newer one replaces it, it says goodbye (an empty share, sent when it
 * stops), or it is older than the time to live: a killed instance's clients leave every count within {@code ttl}.
 */
public final class PresenceShares {

  /** Who is on one channel on one instance. */
  public record Members(int clients, Set<String> users) {

    public Members {
      users = Set.copyOf(users);
    }
  }

  private record Share(Map<String, Members> channels, long receivedNanos) {}

  private final Map<String, Share> byInstance = new ConcurrentHashMap<>();
  private final long ttlNanos;

  public PresenceShares(Duration ttl) {
    this.ttlNanos = ttl.toNanos();
  }

  /** An instance's whole presence, replacing its previous share; an empty one is a goodbye. */
  void received(String instance, Map<String, Members> channels, long nowNanos) {
    if (channels.isEmpty()) {
      byInstance.remove(instance);
    } else {
      byInstance.put(instance, new Share(Map.copyOf(channels), nowNanos));
    }
  }

  /** The channel's members on every instance whose share is still alive. */
  List<Members> on(String channel, long nowNanos) {
    List<Members> found = new ArrayList<>();
    byInstance.entrySet().removeIf(entry -> nowNanos - entry.getValue().receivedNanos() > ttlNanos);
    for (Share share : byInstance.values()) {
      Members members = share.channels().get(channel);
      if (members != null) {
        found.add(members);
      }
    }
    return found;
  }

  /** How many other instances count right now. */
  int instances(long nowNanos) {
    byInstance.entrySet().removeIf(entry -> nowNanos - entry.getValue().receivedNanos() > ttlNanos);
    return byInstance.size();
  }
}

package com.pulse.notification.channel;

import com.pulse.events.ChannelCatalog;
import com.pulse.notification.stream.PresenceExchange;
import com.pulse.notification.stream.PresenceShares;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * "How many are online" on a channel whose catalog entry allows presence, counted across every instance: the members
 * here (sockets and SSE streams, counted live) plus what the other instances last shared through Kafka
 * ({@link PresenceExchange}). Clients add up; users are counted once however many tabs and instances they are on.
 * Each instance shares its own every {@code pulse.notification.presence.interval}.
 */
@Component
public final class Presence {

  /** The answer: how many connections and how many distinct users are on the channel, over all instances. */
  public record Count(String channel, int clients, int users) {}

  private final ChannelRegistry registry;
  private final ChannelCatalog catalog;
  private final PresenceExchange exchange;

  Presence(ChannelRegistry registry, ChannelCatalog catalog, PresenceExchange exchange) {
    this.registry = registry;
    this.catalog = catalog;
    this.exchange = exchange;
  }

  /** The channel's count; the caller has checked that it allows presence and that the asker may subscribe. */
  public Count count(String channel) {
    int clients = 0;
    Set<String> users = new HashSet<>();
    for (Subscriber member : registry.members(channel)) {
      clients++;
      users.add(member.userId());
    }
    for (PresenceShares.Members elsewhere : exchange.others(channel)) {
      clients += elsewhere.clients();
      users.addAll(elsewhere.users());
    }
    return new Count(channel, clients, users.size());
  }

  @Scheduled(fixedRateString = "${pulse.notification.presence.interval:2s}")
  void share() {
    exchange.share(local());
  }

  /** The members of this instance's presence channels. */
  Map<String, PresenceShares.Members> local() {
    Map<String, PresenceShares.Members> local = new HashMap<>();
    for (String channel : registry.channels()) {
      if (!catalog.allowsPresence(channel)) {
        continue;
      }
      int clients = 0;
      Set<String> users = new HashSet<>();
      for (Subscriber member : registry.members(channel)) {
        clients++;
        users.add(member.userId());
      }
      if (clients > 0) {
        local.put(channel, new PresenceShares.Members(clients, users));
      }
    }
    return local;
  }
}

package com.pulse.notification.channel;

import com.pulse.notification.stream.StreamEvent;
import com.pulse.notification.stream.StreamListener;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Live delivery: routes each event to its channels and hands it to each member once, with the list of that member's
 * channels it matched (the seed's duplicate toasts cannot happen: a connection in three matching channels still gets
 * one frame). Members that matched the same channels share one {@link Delivery}, so the frame is built once per
 * distinct channel list, not per connection.
 */
@Component
@Order(Dispatcher.ORDER)
final class Dispatcher implements StreamListener {

  /** After anything that records history (issue 3), so recovery and live delivery cannot leave a gap between them. */
  static final int ORDER = 1000;

  private final RoutingRules rules;
  private final ChannelRegistry registry;

  Dispatcher(RoutingRules rules, ChannelRegistry registry) {
    this.rules = rules;
    this.registry = registry;
  }

  @Override
  public void on(StreamEvent event) {
    List<String> channels = rules.route(event);
    List<String> reached = new ArrayList<>(channels.size());
    List<Set<Subscriber>> memberSets = new ArrayList<>(channels.size());
    for (String channel : channels) {
      Set<Subscriber> members = registry.members(channel);
      if (!members.isEmpty()) {
        reached.add(channel);
        memberSets.add(members);
      }
    }
    if (reached.size() == 1) {
      // the common case: one audience, one shared frame, no bookkeeping
      Delivery delivery = new Delivery(event, reached);
      memberSets.getFirst().forEach(subscriber -> subscriber.deliver(delivery));
    } else if (reached.size() > 1) {
      deliverOncePerSubscriber(event, reached, memberSets);
    }
  }

  private static void deliverOncePerSubscriber(StreamEvent event, List<String> channels,
      List<Set<Subscriber>> memberSets) {
    Map<Subscriber, List<String>> matched = new IdentityHashMap<>();
    for (int i = 0; i < channels.size(); i++) {
      String channel = channels.get(i);
      for (Subscriber subscriber : memberSets.get(i)) {
        matched.computeIfAbsent(subscriber, s -> new ArrayList<>(2)).add(channel);
      }
    }
    Map<List<String>, Delivery> shared = new HashMap<>();
    matched.forEach((subscriber, list) ->
        subscriber.deliver(shared.computeIfAbsent(list, l -> new Delivery(event, l))));
  }
}

package com.pulse.notification.channel;

import com.pulse.notification.stream.StreamEvent;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Which channels an event goes to, decided from its type and data: every rule of every domain in this one table.
 * Adding a domain means adding its line here (and its audiences to {@link ChannelAccess}).
 */
@Component
public final class RoutingRules {

  /** Events whose {@code type} starts with {@code typePrefix} go to the channels {@code channels} names. */
  record Rule(String typePrefix, Function<StreamEvent, List<String>> channels) {}

  private static final List<Rule> RULES = List.of(
      // OCS (seed 000): administrators see every order, a doctor the orders they created, workers their job role's
      new Rule("ocs.", event -> Arrays.asList(Channels.OCS_ALL, Channels.ocsDoctor(event.data("doctorId")),
          Channels.ocsJob(event.data("jobRole")))));

  /** The event's channels, in rule order, without duplicates; empty when no rule matches. */
  public List<String> route(StreamEvent event) {
    Set<String> channels = new LinkedHashSet<>();
    for (Rule rule : RULES) {
      if (event.type().startsWith(rule.typePrefix())) {
        rule.channels().apply(event).stream().filter(Objects::nonNull).forEach(channels::add);
      }
    }
    return List.copyOf(channels);
  }
}

package com.pulse.notification.channel;

import com.pulse.notification.stream.StreamEvent;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Which channels an event goes to, decided from its type and data: every rule of every domain in this one table.
 * Adding a domain means adding its line here (and its audiences to {@link ChannelAccess}); its topic is read without
 * any change ({@code pulse.notification.stream.topics}).
 */
@Component
public final class RoutingRules {

  /** Events whose {@code type} starts with {@code typePrefix} go to the channels {@code channels} names. */
  record Rule(String typePrefix, Function<StreamEvent, List<String>> channels) {}

  private static final List<Rule> RULES = List.of(
      // OCS (seed 000): administrators see every order, a doctor the orders they created, workers their job role's
      new Rule("ocs.", event -> Arrays.asList(Channels.OCS_ALL, Channels.ocsDoctor(event.data("doctorId")),
          Channels.ocsJob(event.data("jobRole")))),
      // SPC (seed 001): alerts to the quality feed and the product's feed; measurements and limits to the product's
      new Rule("spc.alert", event -> Arrays.asList(Channels.SPC_ALERTS, Channels.spcProduct(event.data("productId")))),
      new Rule("spc.", event -> Arrays.asList(Channels.spcProduct(event.data("productId")))),
      // Journey (seeds 003, 004): the patient's own state, and the board of the queue the event concerns
      new Rule("journey.", event -> Arrays.asList(Channels.journeyPatient(event.data("patientId")),
          Channels.journeyQueue(event.data("queueId")))),
      // Vote (seed 002): the poll's tallies
      new Rule("vote.", event -> Arrays.asList(Channels.votePoll(event.data("pollId")))),
      // any domain: an event addressed to one user
      new Rule("", event -> Arrays.asList(Channels.user(event.data("recipientId")))));

  /** The event's channels, in rule order, without duplicates; empty when no rule matches. */
  public List<String> route(StreamEvent event) {
    Set<String> channels = new LinkedHashSet<>();
    for (Rule rule : RULES) {
      if (event.type().startsWith(rule.typePrefix())) {
        for (String channel : rule.channels().apply(event)) {
          // a name built from an odd id (spaces, too long) is no channel anyone could join: dropped
          if (Channels.known(channel)) {
            channels.add(channel);
          }
        }
      }
    }
    return List.copyOf(channels);
  }
}

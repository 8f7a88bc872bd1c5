package com.pulse.events;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Who an event is for and how to tell them: decided by the producing service from its own data, carried in the
 * event's {@code audience}, {@code priority}, {@code title} and {@code summary} extensions, and only read by the
 * delivery core (Centrifugo's model: the application names a publication's channels, the server knows permissions).
 *
 * @param audience the channels the event goes to, each a channel of the {@link ChannelCatalog}; no duplicates
 * @param priority how much it matters to the people told
 * @param title what an inbox or toast shows as the heading, or null (the event type is shown then)
 * @param summary one line under the title, or null
 */
public record Announcement(List<String> audience, Priority priority, String title, String summary) {

  public Announcement {
    audience = List.copyOf(new LinkedHashSet<>(Objects.requireNonNull(audience, "audience")));
    Objects.requireNonNull(priority, "priority");
    title = blankToNull(title);
    summary = blankToNull(summary);
  }

  /** To these channels, at NORMAL priority, untitled. A null entry (a channel built from a missing id) is dropped. */
  public static Announcement to(Collection<String> channels) {
    List<String> present = new ArrayList<>(channels.size());
    channels.stream().filter(Objects::nonNull).forEach(present::add);
    return new Announcement(present, Priority.NORMAL, null, null);
  }

  public static Announcement to(String... channels) {
    return to(java.util.Arrays.asList(channels));
  }

  public Announcement withPriority(Priority priority) {
    return new Announcement(audience, priority, title, summary);
  }

  public Announcement titled(String title, String summary) {
    return new Announcement(audience, priority, title, summary);
  }

  /** The {@code audience} extension's value: the channels, comma-separated. */
  public String audienceText() {
    return String.join(",", audience);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}

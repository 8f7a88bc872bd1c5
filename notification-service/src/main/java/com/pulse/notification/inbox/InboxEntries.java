package com.pulse.notification.inbox;

import com.pulse.events.ChannelCatalog;
import com.pulse.notification.stream.StreamEvent;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/**
 * Turns an event into an {@link InboxEntry}, addressed to the same channels as live delivery (the producer's
 * audience, as far as the catalog declares it), so the inbox and the live stream agree on who sees what. Title and
 * summary are the producer's words; an event without them shows its type and subject.
 */
@Component
class InboxEntries {

  private final ChannelCatalog catalog;

  InboxEntries(ChannelCatalog catalog) {
    this.catalog = catalog;
  }

  /** The entry, with no channels when the event's audience names none the catalog declares. */
  InboxEntry entry(StreamEvent event) {
    return new InboxEntry(event.id(), event.type(), event.subject(),
        event.audience().stream().filter(catalog::isKnown).toList(), event.priority(),
        event.title() != null ? event.title() : event.type(),
        event.summary() != null ? event.summary() : event.subject() == null ? "" : event.subject(),
        event.time(), event.position().toString(), new String(event.json(), StandardCharsets.UTF_8));
  }
}

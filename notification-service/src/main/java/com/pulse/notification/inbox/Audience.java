package com.pulse.notification.inbox;

import com.pulse.events.ChannelCatalog;
import com.pulse.identity.Caller;
import java.util.Set;

/**
 * Whose inbox, and the channels it is made of: the channels the catalog joins for the user's roles on connect (which
 * include their own {@code user:{id}}). The same token claims and the same catalog decide it as for live delivery,
 * so the inbox never shows what the socket would not.
 */
record Audience(String userId, Set<String> channels) {

  Audience {
    channels = Set.copyOf(channels);
  }

  static Audience of(Caller caller, ChannelCatalog catalog) {
    return new Audience(caller.id(), catalog.autoJoin(caller));
  }
}

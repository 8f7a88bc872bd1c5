package com.pulse.notification.inbox;

import com.pulse.notification.channel.ChannelAccess;
import com.pulse.notification.channel.Channels;
import com.pulse.notification.channel.Viewer;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Whose inbox, and the channels it is made of: the channels the user joins automatically for their roles (as on
 * connect) and their own {@code user:{id}} channel. The same token claims decide it as for live delivery, so the inbox
 * never shows what the socket would not.
 */
record Audience(String userId, Set<String> channels) {

  Audience {
    channels = Set.copyOf(channels);
  }

  static Audience of(Viewer viewer, ChannelAccess access) {
    Set<String> channels = new LinkedHashSet<>(access.autoJoin(viewer));
    String own = Channels.user(viewer.id());
    if (own != null) {
      channels.add(own);
    }
    return new Audience(viewer.id(), channels);
  }
}

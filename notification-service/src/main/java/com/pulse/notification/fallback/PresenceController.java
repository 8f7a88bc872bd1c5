package com.pulse.notification.fallback;

import com.pulse.events.ChannelCatalog;
import com.pulse.identity.Caller;
import com.pulse.notification.channel.Presence;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/notifications/presence?channel=…} → {@code {"channel","clients","users"}}: how many are online on a
 * channel whose catalog entry allows presence, across every instance; for callers who may subscribe to it.
 */
@RestController
final class PresenceController {

  private final ChannelCatalog catalog;
  private final Presence presence;

  PresenceController(ChannelCatalog catalog, Presence presence) {
    this.catalog = catalog;
    this.presence = presence;
  }

  @GetMapping("/api/notifications/presence")
  Presence.Count presence(Caller caller, @RequestParam(required = false) String channel) {
    String name = ChannelRequest.channel(catalog, caller, "channel", channel);
    if (!catalog.allowsPresence(name)) {
      throw BadRequest.field("channel", "channel " + name + " has no presence");
    }
    return presence.count(name);
  }
}

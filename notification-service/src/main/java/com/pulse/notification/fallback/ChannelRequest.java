package com.pulse.notification.fallback;

import com.pulse.events.ChannelCatalog;
import com.pulse.identity.Caller;
import com.pulse.notification.stream.StreamPosition;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Checks shared by the fallbacks: channel names, the caller's right to them, positions, limits. */
final class ChannelRequest {

  static final int MAX_CHANNELS = 32;

  private ChannelRequest() {}

  /** A channel the caller may read; 400 naming {@code field} when unknown, 403 when not theirs. */
  static String channel(ChannelCatalog catalog, Caller caller, String field, String channel) {
    if (channel == null || channel.isBlank()) {
      throw BadRequest.field(field, "is required: a channel name such as 'user:<your id>'");
    }
    if (!catalog.isKnown(channel)) {
      throw BadRequest.field(field, "no such channel: '" + abbreviate(channel) + "'");
    }
    if (!catalog.maySubscribe(caller, channel)) {
      throw BadRequest.forbidden(channel);
    }
    return channel;
  }

  /** A comma-separated list of channels, each checked. */
  static List<String> channels(ChannelCatalog catalog, Caller caller, String field, String list) {
    if (list == null || list.isBlank()) {
      throw BadRequest.field(field, "is required: channel names separated by commas");
    }
    Set<String> names = new LinkedHashSet<>(List.of(list.split(",")));
    if (names.size() > MAX_CHANNELS) {
      throw BadRequest.field(field, "at most " + MAX_CHANNELS + " channels");
    }
    List<String> checked = new ArrayList<>();
    for (String name : names) {
      checked.add(channel(catalog, caller, field, name.trim()));
    }
    return checked;
  }

  /** A position this service gave out, or null when absent. */
  static StreamPosition position(String field, String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return StreamPosition.parse(text);
    } catch (IllegalArgumentException e) {
      throw BadRequest.field(field, "must be a position given by this service ('<topic>:<partition>:<offset>,…'), got '"
          + abbreviate(text) + "'");
    }
  }

  static int limit(String field, String text, int fallback, int max) {
    if (text == null) {
      return fallback;
    }
    try {
      int limit = Integer.parseInt(text);
      if (limit >= 1 && limit <= max) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw BadRequest.field(field, "must be an integer from 1 to " + max + ", got '" + abbreviate(text) + "'");
  }

  private static String abbreviate(String text) {
    return text.length() <= 64 ? text : text.substring(0, 64) + "…";
  }
}

package com.pulse.notification.fallback;

import com.pulse.notification.channel.ChannelAccess;
import com.pulse.notification.channel.Channels;
import com.pulse.notification.channel.Viewer;
import com.pulse.notification.stream.StreamPosition;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Checks shared by the fallbacks: channel names, the caller's right to them, positions, limits. */
final class ChannelRequest {

  static final int MAX_CHANNELS = 32;

  private ChannelRequest() {}

  /** A channel the viewer may read; 400 naming {@code field} when unknown, 403 when not theirs. */
  static String channel(ChannelAccess access, Viewer viewer, String field, String channel) {
    if (channel == null || channel.isBlank()) {
      throw BadRequest.field(field, "is required: a channel name such as 'ocs:all'");
    }
    if (!Channels.known(channel)) {
      throw BadRequest.field(field, "no such channel: '" + abbreviate(channel) + "'");
    }
    if (!access.maySubscribe(viewer, channel)) {
      throw BadRequest.forbidden(channel);
    }
    return channel;
  }

  /** A comma-separated list of channels, each checked. */
  static List<String> channels(ChannelAccess access, Viewer viewer, String field, String list) {
    if (list == null || list.isBlank()) {
      throw BadRequest.field(field, "is required: channel names separated by commas, e.g. 'ocs:all,user:dr.kim'");
    }
    Set<String> names = new LinkedHashSet<>(List.of(list.split(",")));
    if (names.size() > MAX_CHANNELS) {
      throw BadRequest.field(field, "at most " + MAX_CHANNELS + " channels");
    }
    List<String> checked = new ArrayList<>();
    for (String name : names) {
      checked.add(channel(access, viewer, field, name.trim()));
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
      throw BadRequest.field(field, "must be a position given by this service, e.g. 'ocs.orders.v1:0:15,1:7', got '"
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

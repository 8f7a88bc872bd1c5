package com.pulse.events;

import com.pulse.identity.Caller;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One channel, or one family of channels with a parameter, as the catalog declares it: its name pattern, who may
 * subscribe, who joins it on connect, and whether its presence may be asked.
 *
 * @param channel the name, e.g. {@code spc:alerts}, or a pattern ending in one parameter: {@code ocs:doctor:{userId}}
 * @param values the parameter's only allowed values (e.g. the job roles), or empty for any id
 * @param subscribe who may subscribe (any grant suffices)
 * @param autoJoin who is joined on connect: for a parameterized channel, a grant names the claim that fills it
 * @param presence whether "how many are online" may be asked for these channels
 */
public record CatalogEntry(String channel, String description, Set<String> values, List<ChannelGrant> subscribe,
    List<ChannelGrant> autoJoin, boolean presence) {

  /** A parameter: an id of letters, digits and {@code . _ @ -}, at most 128 characters. */
  static final Pattern PARAMETER = Pattern.compile("[A-Za-z0-9._@-]{1,128}");
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*(:[a-z][a-z0-9-]*)*(:\\{[A-Za-z]+})?");

  public CatalogEntry {
    if (channel == null || !NAME.matcher(channel).matches()) {
      throw new IllegalArgumentException("not a channel pattern: " + channel);
    }
    values = Set.copyOf(values);
    subscribe = List.copyOf(subscribe);
    autoJoin = List.copyOf(autoJoin);
    // fields are assigned only after this body: read the parameters, not the accessors
    if (channel.endsWith("}") && autoJoin.stream().anyMatch(grant -> grant.claim() == null)) {
      throw new IllegalArgumentException(channel + ": an auto-join grant must name the claim that fills its parameter");
    }
  }

  public boolean parameterized() {
    return channel.endsWith("}");
  }

  /** {@code ocs:doctor:} for {@code ocs:doctor:{userId}}; the whole name for a fixed channel. */
  public String prefix() {
    return parameterized() ? channel.substring(0, channel.lastIndexOf('{')) : channel;
  }

  /** {@code userId} for {@code ocs:doctor:{userId}}; null for a fixed channel. */
  public String parameterName() {
    return parameterized() ? channel.substring(channel.lastIndexOf('{') + 1, channel.length() - 1) : null;
  }

  /** The channel's parameter if the name is one of this entry's channels; the name itself for a fixed channel. */
  String parameterOf(String name) {
    if (!parameterized()) {
      return name.equals(channel) ? name : null;
    }
    if (!name.startsWith(prefix())) {
      return null;
    }
    String parameter = name.substring(prefix().length());
    boolean valid = PARAMETER.matcher(parameter).matches() && (values.isEmpty() || values.contains(parameter));
    return valid ? parameter : null;
  }

  /** The concrete channel for a parameter, or null when the parameter is missing or not allowed here. */
  String name(String parameter) {
    if (!parameterized()) {
      return channel;
    }
    return parameter != null && parameterOf(prefix() + parameter) != null ? prefix() + parameter : null;
  }

  boolean maySubscribe(Caller caller, String name) {
    String parameter = parameterized() ? parameterOf(name) : null;
    return subscribe.stream().anyMatch(grant -> grant.allows(caller, parameter));
  }

  /** The channels of this entry the caller joins on connect. */
  List<String> autoJoined(Caller caller) {
    return autoJoin.stream().filter(grant -> grant.admits(caller))
        .map(grant -> name(grant.claim() == null ? null : caller.claim(grant.claim())))
        .filter(java.util.Objects::nonNull)
        .distinct()
        .toList();
  }
}

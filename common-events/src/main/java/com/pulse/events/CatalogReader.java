package com.pulse.events;

import com.pulse.identity.Claims;
import com.pulse.identity.Role;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a channel catalog document ({@code schemas/channel-catalog.v1.json} describes it). Role and claim names are
 * checked against the identity contract here, so a typo fails at start-up instead of silently granting nothing.
 */
final class CatalogReader {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Set<String> CLAIMS = claimNames();

  private CatalogReader() {}

  static List<CatalogEntry> read(InputStream in, String origin) {
    JsonNode document = JSON.readTree(in);
    List<CatalogEntry> entries = new ArrayList<>();
    for (JsonNode channel : document.path("channels")) {
      String name = channel.path("channel").asString(null);
      try {
        entries.add(new CatalogEntry(name, channel.path("description").asString(""), strings(channel.path("values")),
            grants(channel.path("subscribe")), grants(channel.path("autoJoin")),
            channel.path("presence").asBoolean(false)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(origin + ": " + e.getMessage(), e);
      }
    }
    return entries;
  }

  private static List<ChannelGrant> grants(JsonNode grants) {
    List<ChannelGrant> list = new ArrayList<>();
    for (JsonNode grant : grants) {
      Set<Role> roles = new LinkedHashSet<>();
      for (String role : strings(grant.path("roles"))) {
        roles.add(Role.named(role).orElseThrow(() -> new IllegalArgumentException("unknown role " + role)));
      }
      String claim = grant.path("claim").asString(null);
      if (claim != null && !CLAIMS.contains(claim)) {
        throw new IllegalArgumentException("unknown claim " + claim);
      }
      list.add(new ChannelGrant(roles, claim));
    }
    return list;
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> values = new LinkedHashSet<>();
    array.forEach(value -> values.add(value.asString()));
    return values;
  }

  private static Set<String> claimNames() {
    Set<String> names = new LinkedHashSet<>();
    Arrays.stream(Claims.class.getFields()).filter(field -> Modifier.isStatic(field.getModifiers()))
        .forEach(field -> {
          try {
            names.add((String) field.get(null));
          } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
          }
        });
    return names;
  }
}

package com.pulse.events;

import com.pulse.identity.Caller;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every channel Pulse delivers on, who may subscribe to it and who joins it on connect: the one declarative place
 * that says it ({@value #RESOURCE}, shipped in this module and checked against its JSON Schema). The delivery core
 * enforces it generically and knows no domain; producers may only address channels it declares (the outbox checks).
 *
 * <p>Every resource named {@value #RESOURCE} on the class path is read, so a domain outside this repository adds its
 * channels by shipping its own catalog there: adding a domain adds catalog entries and nothing else. A channel
 * declared twice is an error.
 */
public final class ChannelCatalog {

  public static final String RESOURCE = "pulse/channel-catalog.json";

  private static volatile ChannelCatalog standard;

  private final List<CatalogEntry> entries;
  private final Map<String, CatalogEntry> fixed = new HashMap<>();
  private final List<CatalogEntry> parameterized = new ArrayList<>();

  public ChannelCatalog(List<CatalogEntry> entries) {
    this.entries = List.copyOf(entries);
    Set<String> seen = new java.util.HashSet<>();
    for (CatalogEntry entry : this.entries) {
      if (!seen.add(entry.prefix())) {
        throw new IllegalArgumentException("channel " + entry.channel() + " is declared twice in the catalog");
      }
      if (entry.parameterized()) {
        parameterized.add(entry);
      } else {
        fixed.put(entry.channel(), entry);
      }
    }
  }

  /** The catalog of every {@value #RESOURCE} on this class's class path, read once. */
  public static ChannelCatalog standard() {
    ChannelCatalog catalog = standard;
    if (catalog == null) {
      synchronized (ChannelCatalog.class) {
        catalog = standard;
        if (catalog == null) {
          catalog = load(ChannelCatalog.class.getClassLoader());
          standard = catalog;
        }
      }
    }
    return catalog;
  }

  /** Reads and merges every {@value #RESOURCE} the class loader sees. */
  public static ChannelCatalog load(ClassLoader loader) {
    List<CatalogEntry> entries = new ArrayList<>();
    try {
      for (URL url : Collections.list(loader.getResources(RESOURCE))) {
        try (InputStream in = url.openStream()) {
          entries.addAll(CatalogReader.read(in, url.toString()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the channel catalog", e);
    }
    if (entries.isEmpty()) {
      throw new IllegalStateException("no " + RESOURCE + " on the class path");
    }
    return new ChannelCatalog(entries);
  }

  public List<CatalogEntry> entries() {
    return entries;
  }

  /** The entry a concrete channel belongs to, if the catalog declares it. */
  public Optional<CatalogEntry> entryOf(String channel) {
    if (channel == null) {
      return Optional.empty();
    }
    CatalogEntry entry = fixed.get(channel);
    if (entry != null) {
      return Optional.of(entry);
    }
    for (CatalogEntry candidate : parameterized) {
      if (candidate.parameterOf(channel) != null) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** Whether the name is a channel some entry declares (whoever may join it). */
  public boolean isKnown(String channel) {
    return entryOf(channel).isPresent();
  }

  /** Whether the caller may be a member of the channel; unknown channels are refused. */
  public boolean maySubscribe(Caller caller, String channel) {
    return entryOf(channel).map(entry -> entry.maySubscribe(caller, channel)).orElse(false);
  }

  /** Whether presence ("how many are online") may be asked for the channel. */
  public boolean allowsPresence(String channel) {
    return entryOf(channel).map(CatalogEntry::presence).orElse(false);
  }

  /** The channels the caller joins on connect, in catalog order. */
  public Set<String> autoJoin(Caller caller) {
    Set<String> channels = new LinkedHashSet<>();
    for (CatalogEntry entry : entries) {
      channels.addAll(entry.autoJoined(caller));
    }
    return channels;
  }

  /** The namespaces (first segment of every channel: {@code ocs}, {@code user}...), in catalog order. */
  public List<String> namespaces() {
    return entries.stream().map(entry -> namespace(entry.channel())).distinct().toList();
  }

  /** The part of a channel name before its first {@code :}. */
  public static String namespace(String channel) {
    int colon = channel.indexOf(':');
    return colon < 0 ? channel : channel.substring(0, colon);
  }
}

package com.pulse.notification.preference;

import com.pulse.notification.channel.DeliveryPreferences;
import com.pulse.notification.stream.StreamEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Live delivery's view of every user's preferences: a local copy, so deciding whether a connection gets an event never
 * touches the database. A save through this instance applies at once; saves through other instances arrive with the
 * next refresh (every {@code pulse.notification.preferences.refresh}, default 5 s), which rereads the rows changed since the previous one
 * with some overlap, so a row committed late is not missed. Until the first load succeeds, everyone gets everything.
 */
@Component
public final class PreferenceCache implements DeliveryPreferences {

  private static final Logger log = LoggerFactory.getLogger(PreferenceCache.class);

  /** Reread this much before the last refresh: covers a save whose transaction committed after that refresh began. */
  static final Duration OVERLAP = Duration.ofSeconds(30);

  private final PreferenceRepository repository;
  private final Map<String, Preferences> byUser = new ConcurrentHashMap<>();

  private volatile Instant since = Instant.EPOCH;

  PreferenceCache(PreferenceRepository repository) {
    this.repository = repository;
  }

  @Override
  public boolean accepts(String userId, StreamEvent event) {
    Preferences preferences = byUser.get(userId);
    return preferences == null || preferences.accepts(event.type(), event.priority());
  }

  /** The user's preferences as live delivery applies them now. */
  public Preferences of(String userId) {
    return byUser.getOrDefault(userId, Preferences.DEFAULT);
  }

  /** A save made through this instance: applies to live delivery at once. */
  void saved(String userId, Preferences preferences) {
    byUser.put(userId, preferences);
  }

  /** Loads what changed since the last refresh (everything, the first time): on every instance, at start and then. */
  @Scheduled(initialDelay = 0, fixedDelayString = "${pulse.notification.preferences.refresh:5s}")
  void refresh() {
    try {
      Instant started = repository.now();
      Map<String, Preferences> changed = repository.changedSince(since);
      byUser.putAll(changed);
      since = started.minus(OVERLAP);
    } catch (DataAccessException e) {
      log.warn("Could not reload notification preferences ({}); live delivery keeps the copy it has", e.toString());
    }
  }
}

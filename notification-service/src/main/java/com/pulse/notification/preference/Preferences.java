package com.pulse.notification.preference;

import com.pulse.events.Priority;
import java.util.Set;

/**
 * What one user wants to be told: events of at least {@code minimumPriority}, except the {@code mutedTypes} (exact
 * CloudEvents types such as {@code ocs.order.created}). Applied to live delivery and to the inbox alike.
 */
public record Preferences(Priority minimumPriority, Set<String> mutedTypes) {

  /** A user who never set anything is told everything. */
  public static final Preferences DEFAULT = new Preferences(Priority.LOW, Set.of());

  public Preferences {
    mutedTypes = Set.copyOf(mutedTypes);
  }

  public boolean accepts(String type, Priority priority) {
    return priority.atLeast(minimumPriority) && !mutedTypes.contains(type);
  }
}

package com.pulse.notification.preference;

import com.pulse.events.Priority;
import java.util.List;

/** Preferences as the API shows them; muted types sorted, so the answer is stable. */
record PreferencesResponse(Priority minimumPriority, List<String> mutedTypes) {

  static PreferencesResponse of(Preferences preferences) {
    return new PreferencesResponse(preferences.minimumPriority(),
        preferences.mutedTypes().stream().sorted().toList());
  }
}

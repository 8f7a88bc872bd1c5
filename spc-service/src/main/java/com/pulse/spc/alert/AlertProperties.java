package com.pulse.spc.alert;

import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code spc.alerts}: the default priority (1–5) of each alert type.
 *
 * @param priorities by type; types not named get 3
 */
@ConfigurationProperties("spc.alerts")
record AlertProperties(Map<AlertType, Integer> priorities) {

  AlertProperties {
    Map<AlertType, Integer> all = new EnumMap<>(AlertType.class);
    for (AlertType type : AlertType.values()) {
      Integer priority = priorities == null ? null : priorities.get(type);
      if (priority != null && (priority < 1 || priority > 5)) {
        throw new IllegalArgumentException("spc.alerts.priorities." + type + " must be 1 to 5, got " + priority);
      }
      all.put(type, priority == null ? 3 : priority);
    }
    priorities = Map.copyOf(all);
  }

  int priorityOf(AlertType type) {
    return priorities.get(type);
  }
}

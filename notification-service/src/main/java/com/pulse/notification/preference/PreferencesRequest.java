package com.pulse.notification.preference;

import com.pulse.events.Priority;
import com.pulse.problems.Echo;
import com.pulse.problems.FieldProblem;
import com.pulse.problems.InvalidFieldsException;
import com.pulse.problems.TypeDescriptions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The body of {@code PUT /api/notifications/preferences}, as sent: checked by {@link #validate()} so every problem is
 * reported with the field it is about. Absent members take their defaults (everything, nothing muted).
 */
record PreferencesRequest(String minimumPriority, List<String> mutedTypes) {

  static final int MAX_MUTED = 50;
  /** A CloudEvents type as Pulse spells them: lower-case dotted words, e.g. {@code ocs.order.created}. */
  static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z0-9_-]+)+");
  static final int MAX_TYPE_LENGTH = 100;

  /** @throws InvalidFieldsException naming every invalid field */
  Preferences validate() {
    List<FieldProblem> problems = new ArrayList<>();
    Priority minimum = Priority.LOW;
    if (minimumPriority != null) {
      minimum = Priority.named(minimumPriority).orElse(null);
      if (minimum == null) {
        problems.add(new FieldProblem("minimumPriority",
            "must be " + TypeDescriptions.of(Priority.class) + ", got '" + Echo.of(minimumPriority) + "'"));
      }
    }
    Set<String> muted = new LinkedHashSet<>();
    if (mutedTypes != null) {
      if (mutedTypes.size() > MAX_MUTED) {
        problems.add(new FieldProblem("mutedTypes", "at most " + MAX_MUTED + " types, got " + mutedTypes.size()));
      }
      for (int i = 0; i < mutedTypes.size(); i++) {
        String type = mutedTypes.get(i);
        if (type == null || type.length() > MAX_TYPE_LENGTH || !TYPE.matcher(type).matches()) {
          problems.add(new FieldProblem("mutedTypes[" + i + "]",
              "must be an event type ('<domain>.<aggregate>.<what happened>'), got " + (type == null ? "null" : "'" + type + "'")));
        } else {
          muted.add(type);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidFieldsException(problems);
    }
    return new Preferences(minimum, muted);
  }
}

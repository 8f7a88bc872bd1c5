package com.pulse.notification.preference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The documented mapping from event data to priority, row by row. */
class EventPriorityTests {

  @ParameterizedTest(name = "{0} priority={1} severity={2} → {3}")
  @CsvSource(nullValues = "-", value = {
      "ocs.order.created,  ROUTINE, -,        NORMAL",
      "ocs.order.accepted, URGENT,  -,        HIGH",
      "ocs.order.created,  STAT,    -,        CRITICAL",
      "ocs.order.created,  -,       -,        NORMAL",
      "ocs.order.created,  ODD,     -,        NORMAL",
      "ocs.order.created,  STAT,    LOW,      CRITICAL",
      "spc.alert.raised,   -,       CRITICAL, CRITICAL",
      "spc.alert.raised,   -,       high,     HIGH",
      "spc.alert.raised,   -,       INFO,     LOW",
      "spc.alert.raised,   -,       MEDIUM,   NORMAL",
      "spc.alert.raised,   1,       5,        CRITICAL",
      "spc.alert.raised,   1,       -,        LOW",
      "spc.alert.raised,   3,       -,        NORMAL",
      "spc.alert.raised,   4,       -,        HIGH",
      "spc.alert.raised,   5,       -,        CRITICAL",
      "spc.alert.raised,   9,       -,        NORMAL",
      "vote.poll.closed,   -,       -,        NORMAL",
      "journey.patient.called, -,   HIGH,     HIGH",
  })
  void mapsEventDataToAPriority(String type, String priority, String severity, Priority expected) {
    Map<String, String> data = new HashMap<>();
    data.put("priority", priority);
    data.put("severity", severity);

    assertThat(EventPriority.of(type, data::get)).isEqualTo(expected);
  }
}

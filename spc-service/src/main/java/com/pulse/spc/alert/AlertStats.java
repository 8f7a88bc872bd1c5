package com.pulse.spc.alert;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/spc/alerts/stats}: the seed's "notification statistics", over the alerts the filters select.
 *
 * @param byDay alerts created per UTC day, oldest first
 * @param meanSecondsToAcknowledge over the alerts acknowledged; {@code null} when none was
 * @param meanSecondsToResolve from creation, over the alerts resolved; {@code null} when none was
 */
record AlertStats(
    long total,
    Map<String, Long> byType,
    Map<String, Long> byPriority,
    Map<String, Long> byStatus,
    List<DayCount> byDay,
    Double meanSecondsToAcknowledge,
    Double meanSecondsToResolve) {

  record DayCount(LocalDate day, long count) {}
}

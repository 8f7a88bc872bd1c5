package com.pulse.ocs.order;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The keys a worklist sorts by. {@code priority} ascending means most urgent first (STAT, URGENT, ROUTINE);
 * timestamps ascending mean oldest first, orders without that step last. A leading {@code -} reverses a key.
 */
enum WorklistSort {
  PRIORITY("priority", "priority_rank"),
  CREATED_AT("createdAt", "created_at"),
  ACCEPTED_AT("acceptedAt", "accepted_at"),
  STARTED_AT("startedAt", "started_at"),
  COMPLETED_AT("completedAt", "completed_at");

  /** STAT first, then oldest: what a worklist shows unless asked otherwise. */
  static final List<Key> DEFAULT = List.of(new Key(PRIORITY, false), new Key(CREATED_AT, false));

  private final String parameter;
  private final String column;

  WorklistSort(String parameter, String column) {
    this.parameter = parameter;
    this.column = column;
  }

  static Optional<WorklistSort> of(String parameter) {
    return Arrays.stream(values()).filter(k -> k.parameter.equals(parameter)).findFirst();
  }

  static List<String> parameters() {
    return Arrays.stream(values()).map(k -> k.parameter).toList();
  }

  /** One sort key with its direction. */
  record Key(WorklistSort sort, boolean descending) {

    /** An SQL ORDER BY term; the column comes from the enum, never from the request. */
    String sql() {
      return sort.column + (descending ? " desc" : " asc") + " nulls last";
    }
  }
}

package com.pulse.ocs.order;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.data.domain.Sort;

/**
 * How a worklist is sorted: {@code ?sort=priority,-createdAt}, keys in order, each reversed by a leading {@code -}.
 * {@code priority} ascending means most urgent first (STAT, URGENT, ROUTINE); timestamps ascending mean oldest first,
 * orders without that step last. Default {@code priority,createdAt}.
 */
record WorklistSort(List<Term> terms) {

  static final WorklistSort DEFAULT = new WorklistSort(List.of(new Term(Key.PRIORITY, false),
      new Term(Key.CREATED_AT, false)));

  /**
   * Spring's conversion service reads the parameter with this.
   *
   * @throws IllegalArgumentException naming the keys there are, or the key named twice (the 400's message)
   */
  public static WorklistSort valueOf(String text) {
    List<Term> terms = new ArrayList<>();
    for (String term : text.split(",", -1)) {
      Term next = Term.of(term.strip());
      if (terms.stream().anyMatch(t -> t.key() == next.key())) {
        throw new IllegalArgumentException("names '" + next.key().parameter + "' twice");
      }
      terms.add(next);
    }
    return new WorklistSort(List.copyOf(terms));
  }

  /** The order of the terms, then the id, so that pages never overlap. */
  Sort toSort() {
    return Sort.by(terms.stream().map(Term::order).toList()).and(Sort.by("id"));
  }

  /** What can be sorted by, and what the database sorts. */
  enum Key {
    /** The column V2 generates (STAT 0, URGENT 1, ROUTINE 2), not a property of the order: it only sorts. */
    PRIORITY("priority", "priority_rank"),
    CREATED_AT("createdAt", "createdAt"),
    ACCEPTED_AT("acceptedAt", "acceptedAt"),
    STARTED_AT("startedAt", "startedAt"),
    COMPLETED_AT("completedAt", "completedAt");

    private final String parameter;
    private final String sortedBy;

    Key(String parameter, String sortedBy) {
      this.parameter = parameter;
      this.sortedBy = sortedBy;
    }
  }

  /** One key with its direction. */
  record Term(Key key, boolean descending) {

    static Term of(String term) {
      boolean descending = term.startsWith("-");
      String name = descending ? term.substring(1) : term;
      return Arrays.stream(Key.values()).filter(k -> k.parameter.equals(name)).findFirst()
          .map(key -> new Term(key, descending))
          .orElseThrow(() -> new IllegalArgumentException("must be a comma-separated list of "
              + Arrays.stream(Key.values()).map(k -> k.parameter).toList() + ", each optionally prefixed with '-', "
              + "got '" + term + "'"));
    }

    Sort.Order order() {
      return new Sort.Order(descending ? Sort.Direction.DESC : Sort.Direction.ASC, key.sortedBy,
          Sort.NullHandling.NULLS_LAST);
    }
  }
}

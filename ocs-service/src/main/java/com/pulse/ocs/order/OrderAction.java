package com.pulse.ocs.order;

import com.pulse.events.EventType;
import com.pulse.events.ocs.OrderStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What may be done to an order, and in which statuses: the whole transition table in one place.
 *
 * <pre>
 * REQUESTED   → accept → ACCEPTED,    cancel → CANCELLED
 * ACCEPTED    → start  → IN_PROGRESS, cancel → CANCELLED
 * IN_PROGRESS → complete → COMPLETED
 * COMPLETED, CANCELLED: final
 * </pre>
 */
public enum OrderAction {
  ACCEPT(EventType.OCS_ORDER_ACCEPTED, Set.of(OrderStatus.REQUESTED)),
  START(EventType.OCS_ORDER_STARTED, Set.of(OrderStatus.ACCEPTED)),
  COMPLETE(EventType.OCS_ORDER_COMPLETED, Set.of(OrderStatus.IN_PROGRESS)),
  CANCEL(EventType.OCS_ORDER_CANCELLED, Set.of(OrderStatus.REQUESTED, OrderStatus.ACCEPTED));

  private final EventType event;
  private final Set<OrderStatus> allowedFrom;

  OrderAction(EventType event, Set<OrderStatus> allowedFrom) {
    this.event = event;
    this.allowedFrom = allowedFrom;
  }

  /** The event announcing that this action happened. */
  EventType event() {
    return event;
  }

  boolean allowedIn(OrderStatus status) {
    return allowedFrom.contains(status);
  }

  /** As it appears in the URL and in problem details: {@code accept}, {@code start}, ... */
  public String path() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The actions the status allows, by their path names, in lifecycle order; empty for a final status. */
  static List<String> allowedPathsIn(OrderStatus status) {
    return Arrays.stream(values()).filter(a -> a.allowedIn(status)).map(OrderAction::path).toList();
  }
}

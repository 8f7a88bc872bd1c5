package com.pulse.ocs.order;

import com.pulse.events.EventType;
import com.pulse.identity.Caller;
import com.pulse.platform.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jdbc.core.JdbcAggregateOperations;
import org.springframework.data.relational.core.query.Query;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes orders and announces each change through the outbox, in the same transaction. */
@Service
class OrderService {

  private final OrderRepository orders;
  private final JdbcAggregateOperations aggregates;
  private final Outbox outbox;
  private final Clock clock = Clock.systemUTC();

  OrderService(OrderRepository orders, JdbcAggregateOperations aggregates, Outbox outbox) {
    this.orders = orders;
    this.aggregates = aggregates;
    this.outbox = outbox;
  }

  @Transactional
  Order create(CreateOrderRequest request, String doctorId) {
    Order order = aggregates.insert(Order.request(request.patientId(), doctorId, request.jobRole(),
        request.orderCode(), request.priority(), request.notes(), now()));
    outbox.append(EventType.OCS_ORDER_CREATED, order.id().toString(), order.version(), order.snapshot(null),
        OrderAnnouncement.of(order));
    return order;
  }

  /**
   * Carries out an action on an order, or explains why not; one transaction, one event.
   *
   * <p>The order is read with its row locked, so commands on one order run one after the other: of two workers
   * accepting at once, the second reads the order the first accepted and is answered from it (409 naming the
   * holder). Checks, in order: visible (else 404), allowed for the caller (403), {@code If-Match} (412), allowed in
   * the status (409), the holder for start and complete (403).
   *
   * @param text the result when completing, the reason when cancelling
   * @param ifMatch the client's precondition, or {@code null}
   */
  @Transactional
  Order act(UUID id, OrderAction action, Caller user, IfMatch ifMatch, String text) {
    Order current = orders.findLockedById(id).filter(o -> OrderAccess.maySee(user, o))
        .orElseThrow(() -> OrderProblems.notFound(id));
    check(current, action, user, ifMatch);
    Order next = aggregates.update(current.apply(action, user.id(), text, now()));
    outbox.append(action.event(), id.toString(), next.version(), next.snapshot(current.status()),
        OrderAnnouncement.of(next));
    return next;
  }

  private static void check(Order order, OrderAction action, Caller user, IfMatch ifMatch) {
    if (!OrderAccess.mayAct(user, action, order)) {
      throw OrderProblems.forbidden(action == OrderAction.CANCEL
          ? "Only the doctor who created an order (or an administrator) cancels it."
          : "Only " + order.jobRole() + " workers (or an administrator) " + action.path() + " this order.");
    }
    if (ifMatch != null && !ifMatch.matches(order.version())) {
      throw OrderProblems.stale(order, ifMatch.toString());
    }
    if (!action.allowedIn(order.status())) {
      throw OrderProblems.notAllowedNow(order, action);
    }
    if ((action == OrderAction.START || action == OrderAction.COMPLETE) && !OrderAccess.holds(user, order)) {
      throw OrderProblems.forbidden("Order " + order.id() + " was accepted by " + order.workerId()
          + ": only they (or an administrator) " + action.path() + " it.");
    }
  }

  @Transactional(readOnly = true)
  Optional<Order> find(UUID id) {
    return orders.findById(id);
  }

  /**
   * One page of the orders the caller may see that match the query, and how many match in all (counted only when
   * the page does not tell). The sort goes on the page's query only: {@code findAll(Query, Class, Pageable)} would
   * put it on the count as well, which PostgreSQL refuses for {@code priority_rank}, a column but no property.
   */
  @Transactional(readOnly = true)
  Page<Order> worklist(WorklistQuery query, Caller user) {
    Query matching = query.matching(OrderAccess.visibleTo(user));
    Pageable page = query.pageable();
    List<Order> orders = aggregates.findAll(matching.with(page), Order.class);
    return PageableExecutionUtils.getPage(orders, page, () -> aggregates.count(matching, Order.class));
  }

  /** PostgreSQL keeps microseconds: truncate so what we return equals what a later read returns. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}

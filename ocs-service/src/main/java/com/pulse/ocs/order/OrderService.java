package com.pulse.ocs.order;

import com.pulse.events.EventType;
import com.pulse.platform.outbox.Outbox;
import com.pulse.identity.Caller;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes orders and announces each change through the outbox, in the same transaction. */
@Service
class OrderService {

  /** Reads and conditional writes per command when others change the same order at the same moment. */
  private static final int ATTEMPTS = 3;

  private final OrderRepository orders;
  private final Outbox outbox;
  private final Clock clock;

  OrderService(OrderRepository orders, Outbox outbox) {
    this.orders = orders;
    this.outbox = outbox;
    this.clock = Clock.systemUTC();
  }

  @Transactional
  Order create(CreateOrderRequest request, String doctorId) {
    Order order = Order.request(request.patientId(), doctorId, request.jobRole(), request.orderCode(),
        request.priority(), request.notes(), now());
    orders.insert(order);
    outbox.append(EventType.OCS_ORDER_CREATED, order.id().toString(), order.version(),
        OrderSnapshot.of(order, null), OrderAnnouncement.of(order));
    return order;
  }

  /**
   * Carries out an action on an order, or explains why not; one transaction, one event.
   *
   * <p>The write is conditional on the version that was read: of two workers accepting at once, the second finds
   * the version moved on, reads the order again and is answered from what the first one did (409 naming the
   * holder). Checks, in order: visible (else 404), allowed for the caller (403), {@code If-Match} (412), allowed in
   * the status (409), the holder for start and complete (403).
   *
   * @param text the result when completing, the reason when cancelling
   * @param ifMatch the client's precondition, or {@code null}
   */
  @Transactional
  Order act(UUID id, OrderAction action, Caller user, IfMatch ifMatch, String text) {
    for (int attempt = 1; ; attempt++) {
      Order current = orders.find(id).filter(o -> OrderAccess.maySee(user, o))
          .orElseThrow(() -> OrderProblems.notFound(id));
      check(current, action, user, ifMatch);
      Order next = current.apply(action, user.id(), text, now());
      if (orders.update(next, current.version())) {
        outbox.append(action.event(), id.toString(), next.version(), OrderSnapshot.of(next, current.status()),
            OrderAnnouncement.of(next));
        return next;
      }
      if (attempt == ATTEMPTS) {
        throw new OptimisticLockingFailureException("order " + id + " kept changing under " + action.path());
      }
    }
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
    return orders.find(id);
  }

  @Transactional(readOnly = true)
  WorklistPage worklist(WorklistQuery query, OrderVisibility visibility) {
    OrderRepository.Page page = orders.search(query, visibility);
    return WorklistPage.of(page.orders(), query, page.totalItems());
  }

  /** PostgreSQL keeps microseconds: truncate so what we return equals what a later read returns. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}

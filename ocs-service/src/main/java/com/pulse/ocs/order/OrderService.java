package com.pulse.ocs.order;

import com.pulse.events.EventType;
import com.pulse.platform.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes orders and announces each change through the outbox, in the same transaction. */
@Service
class OrderService {

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
    outbox.append(EventType.OCS_ORDER_CREATED, order.id().toString(), order.version(), OrderSnapshot.of(order));
    return order;
  }

  @Transactional(readOnly = true)
  Optional<Order> find(UUID id) {
    return orders.find(id);
  }

  /** PostgreSQL keeps microseconds: truncate so what we return equals what a later read returns. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}

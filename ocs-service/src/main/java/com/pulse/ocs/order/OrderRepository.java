package com.pulse.ocs.order;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.repository.Repository;

/**
 * Orders in the service's own PostgreSQL database (Spring Data JDBC). Only reads: {@link OrderService} writes
 * through {@code JdbcAggregateOperations} ({@code insert} for a new order, {@code update} for the next version) and
 * searches worklists with a {@code Query}, because the version is the order's own and not Spring Data's.
 */
interface OrderRepository extends Repository<Order, UUID> {

  Optional<Order> findById(UUID id);

  /**
   * The order, its row locked ({@code SELECT ... FOR UPDATE}) until the transaction ends. Every command reads the
   * order this way: of two workers accepting at once, the second waits here until the first commits, then reads
   * the accepted order and is answered from it (409 naming who holds it), with no retry.
   */
  @Lock(LockMode.PESSIMISTIC_WRITE)
  Optional<Order> findLockedById(UUID id);
}

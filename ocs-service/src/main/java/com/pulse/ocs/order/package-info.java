/**
 * The order aggregate: its lifecycle (REQUESTED → ACCEPTED → IN_PROGRESS → COMPLETED, or CANCELLED; the table is
 * {@link com.pulse.ocs.order.OrderAction}), who may see and do what, its REST API (create, read, worklist, actions)
 * and its events ({@code ocs.order.*} on {@code ocs.orders.v1}, written through the outbox in the transaction that
 * changes the order). Stored with Spring Data JDBC; a command reads its order with the row locked, so commands on one
 * order never interleave.
 */
package com.pulse.ocs.order;

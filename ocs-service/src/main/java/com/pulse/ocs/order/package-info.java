/**
 * The order aggregate: its data, who may see it, its REST API and its events ({@code ocs.order.*} on
 * {@code ocs.orders.v1}, written through the outbox in the transaction that changes the order).
 */
package com.pulse.ocs.order;

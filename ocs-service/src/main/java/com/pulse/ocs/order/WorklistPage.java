package com.pulse.ocs.order;

import java.util.List;

/** One page of a worklist, with how many orders match in all. */
record WorklistPage(List<OrderResponse> items, int page, int size, long totalItems, long totalPages) {

  static WorklistPage of(List<Order> orders, WorklistQuery query, long totalItems) {
    return new WorklistPage(orders.stream().map(OrderResponse::of).toList(), query.page(), query.size(),
        totalItems, (totalItems + query.size() - 1) / query.size());
  }
}

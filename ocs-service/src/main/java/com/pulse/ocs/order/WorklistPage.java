package com.pulse.ocs.order;

import java.util.List;
import org.springframework.data.domain.Page;

/** One page of a worklist, with how many orders match in all. */
record WorklistPage(List<Order> items, int page, int size, long totalItems, long totalPages) {

  static WorklistPage of(Page<Order> page) {
    return new WorklistPage(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(),
        page.getTotalPages());
  }
}

package com.pulse.spc.chart;

import com.pulse.identity.Caller;
import com.pulse.spc.product.Product;
import com.pulse.spc.product.ProductRepository;
import com.pulse.spc.product.SpcProblems;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A person freezing a limit set: one transaction with the product's row locked. */
@Service
class LimitCommands {

  private final ProductRepository products;
  private final LimitService limits;
  private final Clock clock = Clock.systemUTC();

  LimitCommands(ProductRepository products, LimitService limits) {
    this.products = products;
    this.limits = limits;
  }

  @Transactional
  LimitSet freeze(long productId, LimitsRequest request, Caller user) {
    Product product = products.findLocked(productId).orElseThrow(() -> SpcProblems.productNotFound(productId));
    return limits.freeze(product, request, user.id(), clock.instant().truncatedTo(ChronoUnit.MICROS));
  }
}

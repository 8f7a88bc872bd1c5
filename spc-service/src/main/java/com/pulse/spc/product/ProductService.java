package com.pulse.spc.product;

import com.pulse.identity.Caller;
import com.pulse.problems.FieldProblem;
import com.pulse.spc.statistics.RunRules;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates products and changes their specification. */
@Service
class ProductService {

  private final ProductRepository products;
  private final Clock clock = Clock.systemUTC();

  ProductService(ProductRepository products) {
    this.products = products;
  }

  @Transactional
  Product create(ProductRequest request, Caller user) {
    List<FieldProblem> problems = new ArrayList<>();
    ProductChecks.spec(request.lsl(), request.usl(), request.target(), problems);
    RunRules rules = ProductChecks.rules(request.rules(), problems);
    double threshold = ProductChecks.threshold(request.capabilityThreshold(), problems);
    ProductChecks.throwIfAny(problems);
    if (products.codeExists(request.code())) {
      throw duplicate(request.code());
    }
    try {
      long id = products.insert(request, Product.Rules.of(rules), threshold, user.id(),
          Instant.now(clock).truncatedTo(ChronoUnit.MICROS));
      return products.find(id).orElseThrow();
    } catch (DuplicateKeyException e) {
      throw duplicate(request.code());
    }
  }

  /** Checks in order: exists (404), {@code If-Match} (412), the new specification (400). */
  @Transactional
  Product changeSpec(long id, SpecRequest spec, IfMatch ifMatch) {
    Product product = products.findLocked(id).orElseThrow(() -> SpcProblems.productNotFound(id));
    if (ifMatch != null && !ifMatch.matches(product.version())) {
      throw SpcProblems.stale(product, ifMatch.toString());
    }
    List<FieldProblem> problems = new ArrayList<>();
    ProductChecks.spec(spec.lsl(), spec.usl(), spec.target(), problems);
    ProductChecks.throwIfAny(problems);
    products.updateSpec(id, spec);
    return products.find(id).orElseThrow();
  }

  private static RuntimeException duplicate(String code) {
    return SpcProblems.conflict("Product code taken", "A product with code " + code + " exists already.");
  }
}

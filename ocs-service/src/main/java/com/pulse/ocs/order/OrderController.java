package com.pulse.ocs.order;

import com.pulse.identity.Caller;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ExtendedServletRequestDataBinder;

/** {@code /api/ocs/orders}: create an order, read one, list a worklist. */
@RestController
@RequestMapping("/api/ocs/orders")
class OrderController {

  private final OrderService service;

  OrderController(OrderService service) {
    this.service = service;
  }

  @PostMapping
  ResponseEntity<Order> create(@Valid @RequestBody CreateOrderRequest request, Caller user) {
    if (!OrderAccess.mayCreate(user)) {
      throw new AccessDeniedException("Only doctors (and administrators) create orders.");
    }
    Order order = service.create(request, user.id());
    return ResponseEntity.created(URI.create("/api/ocs/orders/" + order.id())).eTag(etag(order)).body(order);
  }

  @GetMapping("/{id}")
  ResponseEntity<Order> get(@PathVariable UUID id, Caller user) {
    Order order = service.find(id).filter(o -> OrderAccess.maySee(user, o))
        .orElseThrow(() -> OrderProblems.notFound(id));
    return ResponseEntity.ok().eTag(etag(order)).body(order);
  }

  /**
   * The caller's worklist: only orders they may see, filtered, sorted and paged as asked. Spring binds the query
   * string to {@link WorklistQuery}; its errors and those {@link WorklistQuery#check} adds are answered together
   * (400 naming every parameter), after the role check.
   */
  @GetMapping
  WorklistPage list(@Valid @ModelAttribute WorklistQuery query, BindingResult errors,
      @RequestParam MultiValueMap<String, String> parameters, Caller user) throws BindException {
    if (!OrderAccess.mayList(user)) {
      throw new AccessDeniedException("Only doctors, RIS and LIS workers and administrators have worklists.");
    }
    WorklistQuery.check(query, parameters, errors);
    if (errors.hasErrors()) {
      throw new BindException(errors);
    }
    return WorklistPage.of(service.worklist(query, user));
  }

  /** A worklist is asked for in the query string only: Spring would also bind request headers of the same names. */
  @InitBinder("worklistQuery")
  void queryStringOnly(WebDataBinder binder) {
    if (binder instanceof ExtendedServletRequestDataBinder servlet) {
      servlet.setHeaderPredicate(header -> false);
    }
  }

  /** The order's ETag: its version, which {@code If-Match} on the actions compares against. */
  static String etag(Order order) {
    return "\"" + order.version() + "\"";
  }
}

package com.pulse.ocs.order;

import com.pulse.identity.Caller;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/ocs/orders}: create an order, read one, list a worklist. */
@RestController
@RequestMapping("/api/ocs/orders")
class OrderController {

  private final OrderService service;

  OrderController(OrderService service) {
    this.service = service;
  }

  @PostMapping
  ResponseEntity<OrderResponse> create(@Valid @RequestBody CreateOrderRequest request, Caller user) {
    if (!OrderAccess.mayCreate(user)) {
      throw new AccessDeniedException("Only doctors (and administrators) create orders.");
    }
    Order order = service.create(request, user.id());
    return ResponseEntity.created(URI.create("/api/ocs/orders/" + order.id()))
        .eTag(etag(order))
        .body(OrderResponse.of(order));
  }

  @GetMapping("/{id}")
  ResponseEntity<OrderResponse> get(@PathVariable UUID id, Caller user) {
    Order order = service.find(id).filter(o -> OrderAccess.maySee(user, o))
        .orElseThrow(() -> OrderProblems.notFound(id));
    return ResponseEntity.ok().eTag(etag(order)).body(OrderResponse.of(order));
  }

  /** The caller's worklist: only orders they may see, filtered, sorted and paged as asked. */
  @GetMapping
  WorklistPage list(@RequestParam MultiValueMap<String, String> parameters, Caller user) {
    if (!OrderAccess.mayList(user)) {
      throw new AccessDeniedException("Only doctors, RIS and LIS workers and administrators have worklists.");
    }
    return service.worklist(WorklistQuery.parse(parameters), OrderVisibility.of(user));
  }

  /** The order's ETag: its version, which {@code If-Match} on the actions compares against. */
  static String etag(Order order) {
    return "\"" + order.version() + "\"";
  }
}

package com.pulse.ocs.order;

import com.pulse.platform.security.PulseUser;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/ocs/orders}: create an order, read one. */
@RestController
@RequestMapping("/api/ocs/orders")
class OrderController {

  private final OrderService service;

  OrderController(OrderService service) {
    this.service = service;
  }

  @PostMapping
  ResponseEntity<OrderResponse> create(@Valid @RequestBody CreateOrderRequest request, PulseUser user) {
    if (!OrderAccess.mayCreate(user)) {
      throw new AccessDeniedException("Only doctors (and administrators) create orders.");
    }
    Order order = service.create(request, user.id());
    return ResponseEntity.created(URI.create("/api/ocs/orders/" + order.id()))
        .eTag(etag(order))
        .body(OrderResponse.of(order));
  }

  @GetMapping("/{id}")
  ResponseEntity<OrderResponse> get(@PathVariable UUID id, PulseUser user) {
    Order order = service.find(id).filter(o -> OrderAccess.maySee(user, o)).orElseThrow(() -> notFound(id));
    return ResponseEntity.ok().eTag(etag(order)).body(OrderResponse.of(order));
  }

  private static String etag(Order order) {
    return "\"" + order.version() + "\"";
  }

  /** Also for orders the caller may not see: whether they exist is nobody else's business. */
  private static ErrorResponseException notFound(UUID id) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No order " + id + " for you.");
    problem.setTitle("Order not found");
    return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
  }
}

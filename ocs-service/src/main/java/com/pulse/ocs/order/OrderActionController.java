package com.pulse.ocs.order;

import com.pulse.identity.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/ocs/orders/{id}/accept|start|complete|cancel}: the lifecycle as actions on the order. Each
 * answers the order as it is now, with its new ETag; {@code If-Match} makes the action conditional on a version.
 */
@RestController
@RequestMapping("/api/ocs/orders/{id}")
class OrderActionController {

  private final OrderService service;

  OrderActionController(OrderService service) {
    this.service = service;
  }

  @PostMapping("/accept")
  ResponseEntity<Order> accept(@PathVariable UUID id,
      @RequestHeader(name = "If-Match", required = false) String ifMatch, Caller user) {
    return act(id, OrderAction.ACCEPT, user, ifMatch, null);
  }

  @PostMapping("/start")
  ResponseEntity<Order> start(@PathVariable UUID id,
      @RequestHeader(name = "If-Match", required = false) String ifMatch, Caller user) {
    return act(id, OrderAction.START, user, ifMatch, null);
  }

  @PostMapping("/complete")
  ResponseEntity<Order> complete(@PathVariable UUID id, @Valid @RequestBody Completion request,
      @RequestHeader(name = "If-Match", required = false) String ifMatch, Caller user) {
    return act(id, OrderAction.COMPLETE, user, ifMatch, request.result());
  }

  @PostMapping("/cancel")
  ResponseEntity<Order> cancel(@PathVariable UUID id, @Valid @RequestBody Cancellation request,
      @RequestHeader(name = "If-Match", required = false) String ifMatch, Caller user) {
    return act(id, OrderAction.CANCEL, user, ifMatch, request.reason());
  }

  private ResponseEntity<Order> act(UUID id, OrderAction action, Caller user, String ifMatch,
      String text) {
    // roles that can never do this are turned away before any database work
    if (!OrderAccess.mayAttempt(user, action)) {
      throw new AccessDeniedException(action == OrderAction.CANCEL
          ? "Only doctors (and administrators) cancel orders."
          : "Only RIS and LIS workers (and administrators) " + action.path() + " orders.");
    }
    Order order = service.act(id, action, user, IfMatch.parse(ifMatch), text);
    return ResponseEntity.ok().eTag(OrderController.etag(order)).body(order);
  }

  /** What a worker sends to complete an order: its result. */
  record Completion(@NotBlank @Size(max = 4000) String result) {}

  /** Why an order is cancelled; required. */
  record Cancellation(@NotBlank @Size(max = 500) String reason) {}
}

package com.pulse.ocs.order;

import com.pulse.identity.Caller;
import com.pulse.identity.Role;
import org.springframework.data.relational.core.query.Criteria;

/**
 * Who may see and do what with orders (seed 000's notification rules, applied to the API as well): ADMIN and
 * SYSTEMMANAGER everything; a DOCTOR creates orders, sees and cancels their own; RIS and LIS workers see their job
 * role's orders, accept them, and start and complete the ones they accepted. Everyone else: nothing. A worker's job
 * role is the identity contract's ({@link Caller#jobRole()}): an unknown {@code jobRole} claim is no job role here
 * either.
 */
final class OrderAccess {

  private OrderAccess() {}

  static boolean mayCreate(Caller user) {
    return user.administers() || user.hasRole(Role.DOCTOR);
  }

  /** Whether any worklist exists for the caller: supervisors, doctors and workers. */
  static boolean mayList(Caller user) {
    return user.administers() || user.hasRole(Role.DOCTOR) || user.jobRole() != null;
  }

  /** Whether the caller's roles allow the action on any order at all; checked before the order is read. */
  static boolean mayAttempt(Caller user, OrderAction action) {
    return user.administers() || switch (action) {
      case CANCEL -> user.hasRole(Role.DOCTOR);
      case ACCEPT, START, COMPLETE -> user.jobRole() != null;
    };
  }

  static boolean maySee(Caller user, Order order) {
    return user.administers()
        || (user.hasRole(Role.DOCTOR) && order.doctorId().equals(user.id()))
        || order.jobRole() == user.jobRole();
  }

  /**
   * {@link #maySee} as a condition the database applies to a worklist: every order for a supervisor, else the
   * doctor's own or the worker's job role's (either, for someone who is both).
   */
  static Criteria visibleTo(Caller user) {
    if (user.administers()) {
      return Criteria.empty();
    }
    Criteria visible = null;
    if (user.hasRole(Role.DOCTOR)) {
      visible = Criteria.where("doctorId").is(user.id());
    }
    if (user.jobRole() != null) {
      visible = visible == null ? Criteria.where("jobRole").is(user.jobRole())
          : visible.or("jobRole").is(user.jobRole());
    }
    // anyone else has no worklist (mayList) and sees no order: none has no id
    return visible == null ? Criteria.where("id").isNull()
        // a group, in parentheses: the filters that follow narrow the whole of it
        : Criteria.empty().and(visible);
  }

  /** Whether the caller may do the action to an order they see; who holds an accepted order is checked apart. */
  static boolean mayAct(Caller user, OrderAction action, Order order) {
    return user.administers() || switch (action) {
      case CANCEL -> user.hasRole(Role.DOCTOR) && order.doctorId().equals(user.id());
      case ACCEPT, START, COMPLETE -> order.jobRole() == user.jobRole();
    };
  }

  /** Only the worker who accepted an order (or a supervisor) starts and completes it. */
  static boolean holds(Caller user, Order order) {
    return user.administers() || user.id().equals(order.workerId());
  }
}

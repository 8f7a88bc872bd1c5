package com.pulse.ocs.order;

import com.pulse.platform.security.PulseUser;
import java.util.Set;

/**
 * Who may see and do what with orders (seed 000's notification rules, applied to the API as well): ADMIN and
 * SYSTEMMANAGER everything; a DOCTOR creates orders, sees and cancels their own; RIS and LIS workers see their job
 * role's orders, accept them, and start and complete the ones they accepted. Everyone else: nothing.
 */
final class OrderAccess {

  static final Set<String> SUPERVISORS = Set.of("ADMIN", "SYSTEMMANAGER");
  static final Set<String> ORDERING = Set.of("DOCTOR", "ADMIN", "SYSTEMMANAGER");
  static final Set<String> WORKERS = Set.of("RIS", "LIS");

  private OrderAccess() {}

  static boolean mayCreate(PulseUser user) {
    return user.hasAnyRole(ORDERING);
  }

  static boolean isSupervisor(PulseUser user) {
    return user.hasAnyRole(SUPERVISORS);
  }

  /** Whether any worklist exists for the caller: supervisors, doctors and workers. */
  static boolean mayList(PulseUser user) {
    return isSupervisor(user) || user.hasRole("DOCTOR") || jobRoleOf(user) != null;
  }

  /** Whether the caller's roles allow the action on any order at all; checked before the order is read. */
  static boolean mayAttempt(PulseUser user, OrderAction action) {
    return isSupervisor(user) || switch (action) {
      case CANCEL -> user.hasRole("DOCTOR");
      case ACCEPT, START, COMPLETE -> jobRoleOf(user) != null;
    };
  }

  static boolean maySee(PulseUser user, Order order) {
    return isSupervisor(user)
        || (user.hasRole("DOCTOR") && order.doctorId().equals(user.id()))
        || order.jobRole().name().equals(jobRoleOf(user));
  }

  /** Whether the caller may do the action to an order they see; who holds an accepted order is checked apart. */
  static boolean mayAct(PulseUser user, OrderAction action, Order order) {
    return isSupervisor(user) || switch (action) {
      case CANCEL -> user.hasRole("DOCTOR") && order.doctorId().equals(user.id());
      case ACCEPT, START, COMPLETE -> order.jobRole().name().equals(jobRoleOf(user));
    };
  }

  /** Only the worker who accepted an order (or a supervisor) starts and completes it. */
  static boolean holds(PulseUser user, Order order) {
    return isSupervisor(user) || user.id().equals(order.workerId());
  }

  /**
   * The worker's job role, for users with a RIS or LIS role: their {@code jobRole} claim when it names one, else
   * the role itself. {@code null} for everyone else, whatever their claims say.
   */
  static String jobRoleOf(PulseUser user) {
    if (!user.hasAnyRole(WORKERS)) {
      return null;
    }
    String claim = user.jobRole();
    if (claim != null && WORKERS.contains(claim)) {
      return claim;
    }
    return user.hasRole("RIS") ? "RIS" : "LIS";
  }
}

package com.pulse.ocs.order;

import com.pulse.platform.security.PulseUser;
import java.util.Set;

/**
 * Who may see and do what with orders (seed 000's notification rules, applied to the API as well): ADMIN and
 * SYSTEMMANAGER everything; a DOCTOR creates orders and sees their own; RIS and LIS workers see their job role's.
 */
final class OrderAccess {

  static final Set<String> SUPERVISORS = Set.of("ADMIN", "SYSTEMMANAGER");
  static final Set<String> ORDERING = Set.of("DOCTOR", "ADMIN", "SYSTEMMANAGER");

  private OrderAccess() {}

  static boolean mayCreate(PulseUser user) {
    return user.hasAnyRole(ORDERING);
  }

  static boolean maySee(PulseUser user, Order order) {
    return user.hasAnyRole(SUPERVISORS)
        || (user.hasRole("DOCTOR") && order.doctorId().equals(user.id()))
        || order.jobRole().name().equals(jobRoleOf(user));
  }

  /** The worker's job role: the {@code jobRole} claim, else a RIS or LIS role. */
  static String jobRoleOf(PulseUser user) {
    if (user.jobRole() != null) {
      return user.jobRole();
    }
    return user.hasRole("RIS") ? "RIS" : user.hasRole("LIS") ? "LIS" : null;
  }
}

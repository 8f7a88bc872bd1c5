package com.pulse.ocs.order;

import com.pulse.platform.security.PulseUser;

/**
 * Which orders a caller's worklist may contain, as a condition the database applies: all of them, or those the
 * caller created as a doctor, or those of their job role as a worker (or both, for someone who is both).
 *
 * @param doctorId the doctor's own orders, or {@code null}
 * @param jobRole the worker's job role's orders, or {@code null}
 */
record OrderVisibility(boolean all, String doctorId, String jobRole) {

  static OrderVisibility of(PulseUser user) {
    if (OrderAccess.isSupervisor(user)) {
      return new OrderVisibility(true, null, null);
    }
    return new OrderVisibility(false, user.hasRole("DOCTOR") ? user.id() : null, OrderAccess.jobRoleOf(user));
  }

  boolean none() {
    return !all && doctorId == null && jobRole == null;
  }
}

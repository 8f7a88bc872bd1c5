package com.pulse.ocs.order;

import com.pulse.identity.Caller;
import com.pulse.identity.JobRole;
import com.pulse.identity.Role;

/**
 * Which orders a caller's worklist may contain, as a condition the database applies: all of them, or those the
 * caller created as a doctor, or those of their job role as a worker (or both, for someone who is both).
 *
 * @param doctorId the doctor's own orders, or {@code null}
 * @param jobRole the worker's job role's orders, or {@code null}
 */
record OrderVisibility(boolean all, String doctorId, JobRole jobRole) {

  static OrderVisibility of(Caller user) {
    if (user.administers()) {
      return new OrderVisibility(true, null, null);
    }
    return new OrderVisibility(false, user.hasRole(Role.DOCTOR) ? user.id() : null, user.jobRole());
  }

  boolean none() {
    return !all && doctorId == null && jobRole == null;
  }
}

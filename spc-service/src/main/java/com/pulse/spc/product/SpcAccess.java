package com.pulse.spc.product;

import com.pulse.identity.Caller;
import com.pulse.identity.Role;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may do what in SPC (issue 12): QUALITY and ADMIN manage products, freeze limits, run capability analyses,
 * raise and resolve alerts; OPERATOR, QUALITY and ADMIN record measurements and acknowledge alerts; they and
 * SYSTEMMANAGER (who may join every SPC channel) read everything. Anyone else — a PATIENT, an EMPLOYEE, a DOCTOR —
 * nothing.
 */
public final class SpcAccess {

  private SpcAccess() {}

  public static boolean mayRead(Caller user) {
    return user.hasAnyRole(Role.QUALITY, Role.OPERATOR, Role.ADMIN, Role.SYSTEMMANAGER);
  }

  public static boolean mayManage(Caller user) {
    return user.hasAnyRole(Role.QUALITY, Role.ADMIN);
  }

  public static boolean mayMeasure(Caller user) {
    return user.hasAnyRole(Role.OPERATOR, Role.QUALITY, Role.ADMIN);
  }

  public static void requireRead(Caller user) {
    if (!mayRead(user)) {
      throw new AccessDeniedException("Only QUALITY, OPERATOR, ADMIN and SYSTEMMANAGER users read SPC data.");
    }
  }

  public static void requireManage(Caller user, String what) {
    if (!mayManage(user)) {
      throw new AccessDeniedException("Only QUALITY and ADMIN users " + what + ".");
    }
  }

  public static void requireMeasure(Caller user) {
    if (!mayMeasure(user)) {
      throw new AccessDeniedException("Only OPERATOR, QUALITY and ADMIN users record measurements.");
    }
  }
}

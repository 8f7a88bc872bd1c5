package com.pulse.vote.poll;

import com.pulse.identity.Caller;
import com.pulse.identity.Role;
import java.util.List;

/** Who may do what with polls: one place for the rules, read from the caller's token. */
final class PollAccess {

  private PollAccess() {}

  /** Employees, administrators and system managers see polls; nobody else (patients, clinical staff) does. */
  static boolean mayRead(Caller caller) {
    return caller.hasAnyRole(Role.EMPLOYEE, Role.ADMIN, Role.SYSTEMMANAGER);
  }

  static boolean mayCreate(Caller caller, boolean employeesMayCreate) {
    return caller.hasRole(Role.ADMIN) || (employeesMayCreate && caller.hasRole(Role.EMPLOYEE));
  }

  /** Its creator or an administrator. */
  static boolean mayClose(Caller caller, Poll poll) {
    return caller.hasRole(Role.ADMIN) || caller.id().equals(poll.createdBy());
  }

  /** An employee, identified by their token's {@code empNo}. */
  static boolean mayVote(Caller caller) {
    return caller.hasRole(Role.EMPLOYEE) && caller.empNo() != null && !caller.empNo().isBlank();
  }

  static boolean mayReadAudit(Caller caller) {
    return caller.hasRole(Role.ADMIN);
  }

  /** Counts: administrators always; everyone once closed or on a LIVE poll; on AFTER_VOTE those holding a ballot. */
  static boolean seesCounts(Caller caller, Poll poll, List<Long> myBallot) {
    if (caller.hasRole(Role.ADMIN) || poll.countsPublic()) {
      return true;
    }
    return poll.resultsVisibility() == ResultsVisibility.AFTER_VOTE && myBallot != null;
  }
}

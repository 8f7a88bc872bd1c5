package com.pulse.journey.consistency;

import com.pulse.identity.Caller;
import com.pulse.identity.Role;
import com.pulse.problems.Problems;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/journey/admin/consistency} (ADMIN): the check, run now. */
@RestController
class ConsistencyController {

  private final ConsistencyMonitor monitor;

  ConsistencyController(ConsistencyMonitor monitor) {
    this.monitor = monitor;
  }

  @GetMapping("/api/journey/admin/consistency")
  ConsistencyReport check(Caller caller) {
    if (!caller.hasRole(Role.ADMIN)) {
      throw Problems.forbidden("Only administrators run the consistency check.");
    }
    return monitor.runAndRecord();
  }
}

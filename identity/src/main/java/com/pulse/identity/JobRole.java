package com.pulse.identity;

import java.util.Optional;

/** Which department performs an order and which worklist a worker sees: radiology (RIS) or the lab (LIS). */
public enum JobRole {
  RIS,
  LIS;

  /** The job role of that exact name, or empty for anything else ({@code XRAY} is not one). */
  public static Optional<JobRole> named(String name) {
    for (JobRole jobRole : values()) {
      if (jobRole.name().equals(name)) {
        return Optional.of(jobRole);
      }
    }
    return Optional.empty();
  }

  /** The role a worker of this job role has. */
  public Role role() {
    return Role.valueOf(name());
  }
}

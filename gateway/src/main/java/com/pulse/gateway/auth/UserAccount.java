package com.pulse.gateway.auth;

import java.util.List;

/**
 * One user of the directory, as configured under {@code pulse.auth.users}.
 *
 * @param username the login name and the token's {@code sub}
 * @param password the password hash in {@code DelegatingPasswordEncoder} form, e.g. {@code {bcrypt}$2a$10$...}
 * @param name the display name ({@code name} claim); the username when not configured
 * @param roles one or more roles ({@code roles} claim), e.g. {@code DOCTOR}
 * @param jobRole {@code RIS} or {@code LIS} for order workers
 * @param patientId set for patients
 * @param empNo set for employees
 * @param department staff's department or ward, e.g. {@code XRAY} for that ward's display
 */
public record UserAccount(String username, String password, String name, List<String> roles, String jobRole,
    String patientId, String empNo, String department) {

  public UserAccount {
    roles = roles == null ? List.of() : List.copyOf(roles);
    name = name == null || name.isBlank() ? username : name;
  }

  /** Without the password hash, so that a logged account never leaks it. */
  @Override
  public String toString() {
    return "UserAccount[username=" + username + ", name=" + name + ", roles=" + roles + ", jobRole=" + jobRole
        + ", patientId=" + patientId + ", empNo=" + empNo + ", department=" + department + "]";
  }
}

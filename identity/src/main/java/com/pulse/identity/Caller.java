package com.pulse.identity;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Who is calling, as their token describes them: everything any service decides about access is decided from this.
 * Built by {@link CallerReader}, which drops what the contract does not know.
 *
 * @param id the user id ({@code sub} unless configured otherwise), e.g. {@code dr.kim}
 * @param roles known roles only
 * @param jobRole an order worker's job role: the {@code jobRole} claim when it names one, else the worker role the
 *     caller has; null for everyone who is not a RIS or LIS worker
 * @param department staff's department or ward, or null
 * @param patientId set for patients
 * @param empNo set for employees
 */
public record Caller(String id, String name, Set<Role> roles, JobRole jobRole, String department, String patientId,
    String empNo) {

  public Caller {
    roles = roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
    name = name == null || name.isBlank() ? id : name;
  }

  public boolean hasRole(Role role) {
    return roles.contains(role);
  }

  public boolean hasAnyRole(Role... candidates) {
    return Arrays.stream(candidates).anyMatch(roles::contains);
  }

  /** ADMIN or SYSTEMMANAGER: sees every domain's data. */
  public boolean administers() {
    return hasAnyRole(Role.ADMIN, Role.SYSTEMMANAGER);
  }

  /** The roles' names in declaration order, as a token writes them. */
  public List<String> roleNames() {
    return roles.stream().map(Role::name).toList();
  }

  /**
   * The caller's value of one claim, as text, for rules such as "the channel's parameter equals the caller's
   * {@code patientId}"; null when the caller has none or the claim is not part of the contract.
   */
  public String claim(String claimName) {
    return switch (claimName) {
      case Claims.SUBJECT -> id;
      case Claims.NAME -> name;
      case Claims.JOB_ROLE -> jobRole == null ? null : jobRole.name();
      case Claims.DEPARTMENT -> department;
      case Claims.PATIENT_ID -> patientId;
      case Claims.EMP_NO -> empNo;
      default -> null;
    };
  }
}

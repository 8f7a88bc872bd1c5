package com.pulse.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The caller, as the gateway's token describes them.
 *
 * @param id the {@code sub} claim, e.g. {@code dr.kim}
 * @param jobRole {@code RIS} or {@code LIS} for order workers
 * @param patientId set for patients
 * @param empNo set for employees
 */
public record PulseUser(String id, String name, Set<String> roles, String jobRole, String patientId, String empNo) {

  public static PulseUser from(Jwt jwt) {
    List<String> roles = jwt.getClaimAsStringList("roles");
    return new PulseUser(jwt.getSubject(), jwt.getClaimAsString("name"),
        roles == null ? Set.of() : Set.copyOf(roles), jwt.getClaimAsString("jobRole"),
        jwt.getClaimAsString("patientId"), jwt.getClaimAsString("empNo"));
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  public boolean hasAnyRole(Collection<String> candidates) {
    return candidates.stream().anyMatch(roles::contains);
  }
}

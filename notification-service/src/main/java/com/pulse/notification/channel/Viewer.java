package com.pulse.notification.channel;

import java.util.List;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The person behind a connection, as the gateway's token describes them. Everything they may see is decided from
 * this alone.
 *
 * @param id the {@code sub} claim, e.g. {@code dr.kim}
 * @param roles the {@code roles} claim, e.g. {@code [DOCTOR]}
 * @param jobRole {@code RIS} or {@code LIS} for order workers, else null
 * @param patientId set for patients
 * @param empNo set for employees
 */
public record Viewer(String id, String name, List<String> roles, String jobRole, String patientId, String empNo) {

  public Viewer {
    roles = roles == null ? List.of() : List.copyOf(roles);
  }

  public static Viewer from(Jwt jwt) {
    return new Viewer(jwt.getSubject(), jwt.getClaimAsString("name"), jwt.getClaimAsStringList("roles"),
        jwt.getClaimAsString("jobRole"), jwt.getClaimAsString("patientId"), jwt.getClaimAsString("empNo"));
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }
}

package com.pulse.identity;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a token's claims into a {@link Caller}, the same way in every service. What the contract does not know is
 * ignored, never guessed at: an unknown role grants nothing, an unknown {@code jobRole} (say {@code XRAY}) is no job
 * role, and each distinct unknown value is logged once so a misconfigured issuer is noticed without flooding the log.
 */
public final class CallerReader {

  private static final Logger log = LoggerFactory.getLogger(CallerReader.class);
  /** Distinct unknown values remembered for "log once"; beyond it they are no longer logged at all. */
  private static final int REMEMBERED_UNKNOWNS = 1_000;

  private final ClaimMapping mapping;
  private final Set<String> reported = ConcurrentHashMap.newKeySet();

  public CallerReader(ClaimMapping mapping) {
    this.mapping = mapping;
  }

  public static CallerReader standard() {
    return new CallerReader(ClaimMapping.STANDARD);
  }

  public ClaimMapping mapping() {
    return mapping;
  }

  /**
   * The caller the claims describe.
   *
   * @throws IllegalArgumentException when the claims name no user id
   */
  public Caller read(Map<String, Object> claims) {
    String id = text(claims.get(mapping.userIdClaim()));
    if (id == null) {
      throw new IllegalArgumentException("the token has no '" + mapping.userIdClaim() + "' claim");
    }
    Set<Role> roles = roles(claims);
    return new Caller(id, text(claims.get(Claims.NAME)), roles, jobRole(roles, text(claims.get(Claims.JOB_ROLE))),
        text(claims.get(Claims.DEPARTMENT)), text(claims.get(Claims.PATIENT_ID)), text(claims.get(Claims.EMP_NO)));
  }

  /** The known roles at the first configured path that holds an array; none when no path does. */
  public Set<Role> roles(Map<String, Object> claims) {
    for (String path : mapping.rolesClaims()) {
      if (at(claims, path) instanceof Collection<?> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object name : names) {
          Optional<Role> role = Role.named(String.valueOf(name));
          role.ifPresentOrElse(roles::add, () -> unknown("role", String.valueOf(name)));
        }
        return roles;
      }
    }
    return Set.of();
  }

  private JobRole jobRole(Set<Role> roles, String claim) {
    if (!roles.contains(Role.RIS) && !roles.contains(Role.LIS)) {
      return null;
    }
    if (claim != null) {
      Optional<JobRole> named = JobRole.named(claim);
      if (named.isPresent()) {
        return named.get();
      }
      unknown("jobRole", claim);
    }
    return roles.contains(Role.RIS) ? JobRole.RIS : JobRole.LIS;
  }

  private void unknown(String what, String value) {
    String key = what + '=' + value;
    if (reported.size() < REMEMBERED_UNKNOWNS && reported.add(key)) {
      log.warn("Ignoring unknown {} '{}' in a token (logged once per value)", what, value);
    }
  }

  /** The value at a dotted path of nested claim objects, or null. */
  private static Object at(Map<String, Object> claims, String path) {
    Object value = claims;
    for (String segment : path.split("\\.")) {
      if (!(value instanceof Map<?, ?> map)) {
        return null;
      }
      value = map.get(segment);
    }
    return value;
  }

  private static String text(Object value) {
    if (value == null) {
      return null;
    }
    String text = value.toString();
    return text.isBlank() ? null : text;
  }
}

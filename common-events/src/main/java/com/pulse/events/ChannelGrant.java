package com.pulse.events;

import com.pulse.identity.Caller;
import com.pulse.identity.Role;
import java.util.Set;

/**
 * One rule of the {@link ChannelCatalog}: callers with any of {@code roles} (anyone, when empty), and, when
 * {@code claim} is set, only for the channel whose parameter equals that claim of theirs (a doctor's own
 * {@code ocs:doctor:{sub}}, a patient's own {@code journey:patient:{patientId}}).
 *
 * @param claim a {@link com.pulse.identity.Claims} name, or null
 */
public record ChannelGrant(Set<Role> roles, String claim) {

  public ChannelGrant {
    roles = Set.copyOf(roles);
  }

  /** Whether the caller's roles qualify, whatever the parameter. */
  boolean admits(Caller caller) {
    return roles.isEmpty() || roles.stream().anyMatch(caller::hasRole);
  }

  /** Whether the grant lets the caller into the channel with this parameter (null for a fixed channel). */
  boolean allows(Caller caller, String parameter) {
    if (!admits(caller)) {
      return false;
    }
    return claim == null || parameter != null && parameter.equals(caller.claim(claim));
  }
}

package com.pulse.gateway.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Roles as {@code ROLE_*} authorities, read from a claim that holds an array: {@code roles} for the gateway's own
 * tokens, a dotted path such as {@code realm_access.roles} for an external issuer (Keycloak).
 */
final class RolesClaim implements Converter<Jwt, Collection<GrantedAuthority>> {

  private final String[] path;

  RolesClaim(String claim) {
    this.path = claim.split("\\.");
  }

  @Override
  public Collection<GrantedAuthority> convert(Jwt jwt) {
    Object value = jwt.getClaims().get(path[0]);
    for (int i = 1; i < path.length && value != null; i++) {
      value = value instanceof Map<?, ?> map ? map.get(path[i]) : null;
    }
    if (!(value instanceof Collection<?> roles)) {
      return List.of();
    }
    List<GrantedAuthority> authorities = new ArrayList<>(roles.size());
    for (Object role : roles) {
      authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
    }
    return authorities;
  }
}

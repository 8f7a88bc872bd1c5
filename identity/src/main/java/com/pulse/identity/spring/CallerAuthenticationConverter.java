package com.pulse.identity.spring;

import com.pulse.identity.Caller;
import com.pulse.identity.CallerReader;
import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * A validated JWT as Spring Security's authentication: {@code ROLE_<role>} authorities for the caller's known roles
 * (the same reading as {@link CallerReader#read}, so a role a service ignores never becomes an authority), and the
 * caller's id as the principal name.
 */
public final class CallerAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

  private final CallerReader reader;

  public CallerAuthenticationConverter(CallerReader reader) {
    this.reader = reader;
  }

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    Caller caller = reader.read(jwt.getClaims());
    List<GrantedAuthority> authorities = caller.roles().stream()
        .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
        .toList();
    return new JwtAuthenticationToken(jwt, authorities, caller.id());
  }
}

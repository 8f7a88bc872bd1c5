package com.pulse.platform.security;

import com.pulse.identity.Caller;
import com.pulse.identity.CallerReader;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets controller methods declare a {@link Caller} parameter for the authenticated caller. */
final class CallerArgumentResolver implements HandlerMethodArgumentResolver {

  private final CallerReader reader;

  CallerArgumentResolver(CallerReader reader) {
    this.reader = reader;
  }

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == Caller.class;
  }

  @Override
  public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
      NativeWebRequest request, WebDataBinderFactory binders) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
      return reader.read(jwt.getClaims());
    }
    throw new IllegalStateException("no authenticated caller: is the endpoint public?");
  }
}

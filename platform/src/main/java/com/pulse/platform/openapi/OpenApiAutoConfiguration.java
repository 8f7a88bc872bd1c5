package com.pulse.platform.openapi;

import com.pulse.identity.Caller;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.ParameterCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.util.MultiValueMap;

/**
 * The OpenAPI document every servlet service gets from springdoc, made the same wherever it is read: the server is
 * "/" (the document is read through the gateway, whose origin serves every {@code /api/...} path), every operation
 * needs a bearer token, and the {@link Caller} parameter (read from the token, never sent by a client) is left out,
 * as is a {@code MultiValueMap} of the whole query string (taken to refuse unknown parameters, never itself one);
 * a query value Spring reads with the type's {@code valueOf(String)} (a time bound, a sort) is one string parameter;
 * and a response's members are all required ({@link ResponseMembers}).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(OpenApiCustomizer.class)
public class OpenApiAutoConfiguration {

  static final String BEARER = "bearer";

  static {
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class)
        .addSimpleTypePredicateForParameterObject(QueryText::readsFromText);
  }

  /** Query parameters as a client sends them: a type read from text is a string, the whole query string no one. */
  @Bean
  ParameterCustomizer pulseQueryParameters() {
    return (parameter, method) -> {
      Class<?> type = method.getParameterType();
      if (MultiValueMap.class.isAssignableFrom(type)) {
        return null;
      }
      if (QueryText.readsFromText(type)) {
        parameter.schema(new StringSchema());
      }
      return parameter;
    };
  }

  @Bean
  OpenApiCustomizer pulseOpenApiConventions(@Value("${spring.application.name:service}") String name) {
    return api -> {
      api.getInfo().title(name).version("v1")
          .description("Through the gateway: a bearer token from POST /auth/token; every error an RFC 9457 problem.");
      api.servers(List.of(new Server().url("/").description("the gateway")));
      if (api.getComponents() == null) {
        api.components(new Components());
      }
      api.getComponents().addSecuritySchemes(BEARER,
          new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT"));
      api.security(List.of(new SecurityRequirement().addList(BEARER)));
      ResponseMembers.markPresent(api);
    };
  }
}

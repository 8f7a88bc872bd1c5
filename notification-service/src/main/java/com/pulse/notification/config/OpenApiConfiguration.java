package com.pulse.notification.config;

import com.pulse.identity.Caller;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The REST part of the service as an OpenAPI document at {@code /v3/api-docs} (springdoc; the socket's protocol is
 * PROTOCOL.md and the AsyncAPI document), made as the servlet services make theirs (platform's
 * {@code OpenApiAutoConfiguration}): read through the gateway ("/"), bearer tokens, no {@link Caller} parameter.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  static {
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
  }

  @Bean
  OpenApiCustomizer pulseOpenApiConventions() {
    return api -> {
      api.getInfo().title("notification-service").version("v1")
          .description("Through the gateway: a bearer token from POST /auth/token; every error an RFC 9457 problem. "
              + "WebSocket: PROTOCOL.md.");
      api.servers(List.of(new Server().url("/").description("the gateway")));
      if (api.getComponents() == null) {
        api.components(new Components());
      }
      api.getComponents().addSecuritySchemes("bearer",
          new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT"));
      api.security(List.of(new SecurityRequirement().addList("bearer")));
    };
  }
}

package com.pulse.gateway.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.gateway.GatewayTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * The console, the services' OpenAPI documents and the Swagger UI are open without a token, under a content security
 * policy that lets the console's own scripts run and connect to this origin only; the API keeps its stricter one.
 */
class PagesTests extends GatewayTestBase {

  @Test
  void theConsoleIsServedWithoutATokenUnderThePagePolicy() {
    for (String path : new String[] {"/console", "/console/"}) {
      String page = http().get().uri(path).exchange()
          .expectStatus().isOk()
          .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
          .expectHeader().valueEquals("Content-Security-Policy", PagesConfiguration.PAGE_POLICY)
          .expectBody(String.class).returnResult().getResponseBody();
      assertThat(page).contains("<title>Pulse console</title>", "console.js");
    }
    http().get().uri("/console/console.js").exchange()
        .expectStatus().isOk()
        .expectHeader().contentTypeCompatibleWith("text/javascript");
    http().get().uri("/console/no-such-file.js").exchange().expectStatus().isNotFound();
  }

  @Test
  void aServicesOpenApiDocumentIsItsOwnV3ApiDocs() {
    http().get().uri("/api-docs/ocs").exchange()
        .expectStatus().isOk()
        .expectHeader().valueEquals("X-Seen-Uri", "/v3/api-docs");
  }

  @Test
  void theSwaggerUiListsTheGatewaysOwnDocumentAndEveryServices() {
    http().get().uri("/api-docs/").exchange()
        .expectStatus().is3xxRedirection()
        .expectHeader().valueEquals("Location", "/swagger-ui.html");
    String own = http().get().uri("/v3/api-docs").exchange().expectStatus().isOk()
        .expectBody(String.class).returnResult().getResponseBody();
    assertThat(own).contains("/auth/token");
    String config = http().get().uri("/v3/api-docs/swagger-config").exchange().expectStatus().isOk()
        .expectBody(String.class).returnResult().getResponseBody();
    assertThat(config).contains("/api-docs/ocs", "/api-docs/notification");
  }

  @Test
  void theApiKeepsItsOwnPolicyAndStillNeedsAToken() {
    http().get().uri("/api/ocs/orders").exchange()
        .expectStatus().isUnauthorized()
        .expectHeader().valueEquals("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    http().post().uri("/console/").exchange().expectStatus().isUnauthorized();
  }
}

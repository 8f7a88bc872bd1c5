package com.pulse.ocs;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestTokens;
import com.pulse.testsupport.TestUser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A token shaped as an OIDC issuer (Keycloak) writes it — roles under {@code realm_access.roles}, none under
 * {@code roles} — is understood as the same caller as Pulse's own token: the same rights, the same identity (the
 * gateway and notification-service prove the same in their ForeignIssuerTests).
 */
@PulseIntegrationTest
class ForeignIssuerTests {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;

  @Test
  void aKeycloakShapedTokenCarriesTheSameRightsAsPulsesOwn() throws Exception {
    String doctor = TestTokens.shared().issueAsKeycloak(TestUser.DR_KIM);
    String worker = TestTokens.shared().issueAsKeycloak(TestUser.RIS_PARK);
    String patient = TestTokens.shared().issueAsKeycloak(TestUser.PATIENT_1001);

    HttpResponse<String> created = send("POST", "/api/ocs/orders", doctor,
        "{\"patientId\":\"P-1001\",\"jobRole\":\"RIS\",\"orderCode\":\"CT-HEAD\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode order = JSON.readTree(created.body());
    assertThat(order.path("doctorId").asString()).isEqualTo("dr.kim");

    HttpResponse<String> accepted = send("POST", "/api/ocs/orders/" + order.path("id").asString() + "/accept",
        worker, null);
    assertThat(accepted.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(accepted.body()).path("workerId").asString()).isEqualTo("ris.park");

    assertThat(send("POST", "/api/ocs/orders", patient, "{\"patientId\":\"P-1\",\"jobRole\":\"RIS\","
        + "\"orderCode\":\"X\"}").statusCode()).as("a patient still may not order").isEqualTo(403);
  }

  private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}

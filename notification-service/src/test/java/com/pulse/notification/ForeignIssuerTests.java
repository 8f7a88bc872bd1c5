package com.pulse.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestTokens;
import com.pulse.testsupport.TestUser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A token shaped as an OIDC issuer (Keycloak) writes it — roles under {@code realm_access.roles} beside Keycloak's
 * own default roles, none under {@code roles} — opens the same socket as Pulse's own token: the same user, the same
 * roles, the same channels.
 */
@PulseIntegrationTest
class ForeignIssuerTests {

  static final java.util.List<TestUser> USERS = TestUser.DEMO_USERS;

  @LocalServerPort int port;

  @ParameterizedTest
  @FieldSource("USERS")
  void aKeycloakShapedTokenIsTheSameCallerOnTheSocket(TestUser user) throws Exception {
    JsonNode own;
    JsonNode foreign;
    try (SocketClient socket = SocketClient.connect(port, user.token())) {
      own = socket.next();
    }
    try (SocketClient socket = SocketClient.connect(port, TestTokens.shared().issueAsKeycloak(user))) {
      foreign = socket.next();
    }

    assertThat(foreign.path("type").asString()).isEqualTo("connected");
    assertThat(foreign.path("user")).isEqualTo(own.path("user"));
    assertThat(foreign.path("user").path("roles").valueStream().map(JsonNode::asString).toList())
        .containsExactlyElementsOf(user.roles());
    assertThat(foreign.path("channels")).isEqualTo(own.path("channels"));
  }
}

package com.pulse.notification.socket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The handshake URI handed to the socket handlers keeps everything but the token. */
class SocketEndpointsTests {

  @ParameterizedTest
  @CsvSource({
      "/ws, /ws",
      "/ws?access_token=eyJ.a.b, /ws",
      "/ws?access_token=eyJ.a.b&since=ocs.orders.v1%3A0%3A15%2C1%3A7, /ws?since=ocs.orders.v1%3A0%3A15%2C1%3A7",
      "/ws?since=ocs.orders.v1%3A0%3A15&access_token=eyJ.a.b, /ws?since=ocs.orders.v1%3A0%3A15",
      "/ws/ocs/?access_token=x&&x_access_token=keep, /ws/ocs/?x_access_token=keep"})
  void theTokenIsTakenOutOfTheHandshakeUri(String sent, String handedOn) {
    String path = sent.contains("?") ? sent.substring(0, sent.indexOf('?')) : sent;
    assertThat(SocketEndpoints.withoutToken(sent, path)).hasToString(handedOn);
  }
}

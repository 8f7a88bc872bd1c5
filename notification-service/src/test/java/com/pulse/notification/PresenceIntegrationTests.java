package com.pulse.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestUser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;

/**
 * Presence across two instances: clients on both are counted, each user once; a stopped instance's clients leave the
 * count; the socket and REST answer alike; the same rights as subscribing.
 */
@PulseIntegrationTest
class PresenceIntegrationTests {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final TestUser EMP_A = new TestUser("emp.60001", "A", List.of("EMPLOYEE"), null, null, "60001");
  private static final TestUser EMP_B = new TestUser("emp.60002", "B", List.of("EMPLOYEE"), null, null, "60002");

  @LocalServerPort int port;
  @Autowired Environment environment;

  @Test
  void clientsOnTwoInstancesAreCountedOncePerUserAndAStoppedInstancesLeave() throws Exception {
    String channel = "vote:poll:" + (100_000 + (int) (Math.random() * 100_000));
    List<SocketClient> sockets = new ArrayList<>();
    try (ConfigurableApplicationContext second = secondInstance()) {
      int secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
      sockets.add(joined(port, EMP_A, channel));
      sockets.add(joined(port, EMP_A, channel));
      sockets.add(joined(secondPort, EMP_A, channel));
      SocketClient onSecond = joined(secondPort, EMP_B, channel);
      sockets.add(onSecond);

      await().atMost(Duration.ofSeconds(20)).until(() -> presence(sockets.getFirst(), channel).path("clients")
          .asInt() == 4);
      assertThat(presence(sockets.getFirst(), channel).path("users").asInt()).isEqualTo(2);
      await().atMost(Duration.ofSeconds(20)).until(() -> rest(secondPort, EMP_B, channel).path("clients")
          .asInt() == 4);
      assertThat(rest(secondPort, EMP_B, channel).path("users").asInt()).isEqualTo(2);
      second.close();
    }
    await().atMost(Duration.ofSeconds(20)).until(() -> presence(sockets.getFirst(), channel).path("clients")
        .asInt() == 2);
    assertThat(rest(port, EMP_A, channel).path("users").asInt()).isEqualTo(1);
    sockets.forEach(SocketClient::close);
  }

  @Test
  void presenceHasTheRightsOfSubscribingAndOnlyWhereTheCatalogAllowsIt() throws Exception {
    try (SocketClient patient = SocketClient.connected(port, TestUser.PATIENT_1001.token());
        SocketClient employee = SocketClient.connected(port, EMP_A.token())) {
      assertThat(ask(patient, "vote:poll:7").path("code").asString()).isEqualTo("FORBIDDEN");
      assertThat(ask(employee, "vote:polls").path("code").asString()).isEqualTo("BAD_REQUEST");
      assertThat(ask(employee, "vote:poll:7").path("type").asString()).isEqualTo("presence");
    }
    assertThat(restStatus(port, TestUser.PATIENT_1001, "vote:poll:7")).isEqualTo(403);
    assertThat(restStatus(port, EMP_A, "vote:polls")).isEqualTo(400);
    assertThat(restStatus(port, EMP_A, "nope:1")).isEqualTo(400);
  }

  private static SocketClient joined(int port, TestUser user, String channel) throws InterruptedException {
    SocketClient socket = SocketClient.connected(port, user.token());
    socket.send("{\"type\":\"subscribe\",\"channel\":\"" + channel + "\"}");
    socket.next(frame -> frame.path("type").asString().equals("subscribed"));
    return socket;
  }

  private static JsonNode presence(SocketClient socket, String channel) throws InterruptedException {
    JsonNode answer = ask(socket, channel);
    assertThat(answer.path("type").asString()).as(answer.toString()).isEqualTo("presence");
    assertThat(answer.path("channel").asString()).isEqualTo(channel);
    return answer;
  }

  private static JsonNode ask(SocketClient socket, String channel) throws InterruptedException {
    String ref = UUID.randomUUID().toString();
    socket.send("{\"type\":\"presence\",\"channel\":\"" + channel + "\",\"ref\":\"" + ref + "\"}");
    return socket.next(frame -> frame.path("ref").asString("").equals(ref));
  }

  private static JsonNode rest(int port, TestUser user, String channel) throws Exception {
    HttpResponse<String> answer = get(port, user, channel);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return SocketClient.JSON.readTree(answer.body());
  }

  private static int restStatus(int port, TestUser user, String channel) throws Exception {
    return get(port, user, channel).statusCode();
  }

  private static HttpResponse<String> get(int port, TestUser user, String channel) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
        + "/api/notifications/presence?channel=" + channel)).header("Authorization", user.bearer()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A second notification-service on another port, on the same database, broker and keys. */
  private ConfigurableApplicationContext secondInstance() {
    List<String> arguments = new ArrayList<>();
    for (String key : List.of("spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
        "spring.kafka.bootstrap-servers", "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
        "spring.security.oauth2.resourceserver.jwt.issuer-uri")) {
      arguments.add("--" + key + "=" + environment.getProperty(key));
    }
    arguments.add("--server.port=0");
    return new SpringApplicationBuilder(NotificationApplication.class).profiles("test")
        .run(arguments.toArray(String[]::new));
  }
}

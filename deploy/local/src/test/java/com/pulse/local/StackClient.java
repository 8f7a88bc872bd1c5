package com.pulse.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Talks to the stack the way a front-end does: only through the gateway, with a demo user's token. */
final class StackClient {

  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final String gatewayUrl;
  private final Map<String, String> tokens = new ConcurrentHashMap<>();

  StackClient(String gatewayUrl) {
    this.gatewayUrl = gatewayUrl;
  }

  String gatewayUrl() {
    return gatewayUrl;
  }

  /** The demo user's access token (password {@code pulse}), fetched once. */
  String token(String user) {
    return tokens.computeIfAbsent(user, u -> {
      HttpResponse<String> response =
          post("/auth/token", "{\"username\":\"" + u + "\",\"password\":\"pulse\"}", null);
      assertThat(response.statusCode()).as("token for " + u).isEqualTo(200);
      return JSON.readTree(response.body()).path("access_token").asString();
    });
  }

  SocketClient socket(String user) {
    return SocketClient.connect(gatewayUrl, token(user));
  }

  /** POSTs as the user (null: no token); the answer, whatever its status. */
  HttpResponse<String> post(String path, String body, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gatewayUrl + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request.build());
  }

  /** PUTs a JSON body as the token's user; the answer, whatever its status. */
  HttpResponse<String> put(String path, String body, String token) {
    return send(HttpRequest.newBuilder(URI.create(gatewayUrl + path)).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  HttpResponse<String> get(String path, String token) {
    return send(HttpRequest.newBuilder(URI.create(gatewayUrl + path)).header("Authorization", "Bearer " + token)
        .build());
  }

  /** POSTs as the demo user and returns the JSON answer, which must have the expected status. */
  JsonNode postAs(String user, String path, String body, int expectedStatus) {
    HttpResponse<String> response = post(path, body, token(user));
    assertThat(response.statusCode()).as(user + " POST " + path + ": " + response.body()).isEqualTo(expectedStatus);
    return JSON.readTree(response.body());
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

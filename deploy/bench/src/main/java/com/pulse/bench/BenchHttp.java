package com.pulse.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON over HTTP/1.1 with a bearer token, blocking for set-up and asynchronous for the measured commands. */
public final class BenchHttp {

  public static final JsonMapper JSON = JsonMapper.builder().build();

  // HTTP/1.1 outright: the default (HTTP/2) first offers an h2c upgrade on every new connection, for nothing
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;

  public BenchHttp(String gatewayUrl) {
    this.base = gatewayUrl;
  }

  public HttpRequest request(String method, String path, String token, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + token);
    if (body == null) {
      return request.method(method, HttpRequest.BodyPublishers.noBody()).build();
    }
    return request.header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
  }

  public CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest request) {
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }

  /** Sends and expects {@code status}; the answer's JSON. */
  public JsonNode call(String method, String path, String token, String body, int status)
      throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request(method, path, token, body),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != status) {
      throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ", expected "
          + status + ": " + response.body());
    }
    return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
  }
}

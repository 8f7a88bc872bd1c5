package com.pulse.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo seeders' one way through the gateway: sign in as a demo user (tokens kept per user), send a request, fail
 * with the method, path, user and answer when the gateway refuses. Each seeder acts only as the people it plays.
 */
final class DemoGateway {

  private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

  private final URI gateway;
  private final Duration timeout;
  private final String doing;
  private final HttpClient http;
  private final Map<String, String> tokens = new HashMap<>();

  /**
   * @param gatewayUrl the gateway's base URL, e.g. {@code http://localhost:8080}
   * @param timeout how long one request may take
   * @param doing what the seeder does, for the message when it is interrupted ("seeding demo orders")
   */
  DemoGateway(String gatewayUrl, Duration timeout, String doing) {
    this.gateway = URI.create(gatewayUrl.endsWith("/") ? gatewayUrl : gatewayUrl + "/");
    this.timeout = timeout;
    this.doing = doing;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /** A request as demo user {@code user} (signed in with the demo password once); answers the body. */
  String send(String method, String path, String user, String json) {
    return sendWithToken(method, path, user, token(user), json);
  }

  /** A request with a token signed in elsewhere ({@link #signIn}); {@code who} names the caller in errors. */
  String sendWithToken(String method, String path, String who, String token, String json) {
    HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path)).timeout(timeout)
        .header("Authorization", "Bearer " + token);
    if (json == null) {
      request.GET();
    } else {
      request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    HttpResponse<String> response = call(request.build());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(method + " " + path + " as " + who + ": " + response.statusCode() + " "
          + response.body());
    }
    return response.body();
  }

  /** The demo user's access token, signed in with the demo password the first time. */
  String token(String user) {
    return signIn(user, "auth/token", "{\"username\":" + DemoOrders.quote(user) + ",\"password\":"
        + DemoOrders.quote(DemoOrders.PASSWORD) + "}");
  }

  /** An access token from a sign-in endpoint ({@code auth/token}, {@code auth/simple-login}), kept by {@code key}. */
  String signIn(String key, String path, String json) {
    return tokens.computeIfAbsent(key, k -> {
      HttpResponse<String> response = call(HttpRequest.newBuilder(gateway.resolve(path)).timeout(timeout)
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
      Matcher token = TOKEN.matcher(response.body());
      if (response.statusCode() != 200 || !token.find()) {
        throw new IllegalStateException("demo sign-in " + path + " as " + k + " failed: " + response.statusCode());
      }
      return token.group(1);
    });
  }

  private HttpResponse<String> call(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + doing, e);
    }
  }
}

package com.pulse.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** An access token from the gateway's own sign-in ({@code POST /auth/token}, demo users, password "pulse"). */
public final class GatewayTokens {

  private static final String FIELD = "\"access_token\":\"";

  private GatewayTokens() {}

  public static String fetch(String gatewayUrl, String username) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl + "/auth/token"))
        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"username\":\"" + username + "\",\"password\":\"pulse\"}"))
        .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    String body = response.body();
    int start = body.indexOf(FIELD);
    if (response.statusCode() != 200 || start < 0) {
      throw new IllegalStateException("no token for " + username + ": " + response.statusCode() + " " + body);
    }
    start += FIELD.length();
    return body.substring(start, body.indexOf('"', start));
  }
}

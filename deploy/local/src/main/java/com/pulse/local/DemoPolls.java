package com.pulse.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens seed 002's two polls through the gateway as the administrator: where to have lunch (PLACE) and what the
 * cafeteria should cook (MENU), both closing in four hours, for the demo employees {@code emp.20001} … {@code emp.20050}
 * and {@code emp.12345} to vote on. Does nothing when an open poll exists already (a kept data directory).
 */
public final class DemoPolls {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

  private final URI gateway;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  /** @param gatewayUrl the gateway's base URL, e.g. {@code http://localhost:8080} */
  public DemoPolls(String gatewayUrl) {
    this.gateway = URI.create(gatewayUrl.endsWith("/") ? gatewayUrl : gatewayUrl + "/");
  }

  /** @return how many polls were opened; 0 when an open poll existed already */
  public int seedIfEmpty() {
    String token = login("admin");
    if (send("GET", "api/vote/polls?status=open", token, null).contains("\"id\"")) {
      return 0;
    }
    String closesAt = Instant.now().plus(4, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES).toString();
    send("POST", "api/vote/polls", token, "{\"title\":\"Where shall we have lunch today?\",\"kind\":\"PLACE\","
        + "\"options\":[{\"label\":\"Kimbap Heaven\"},{\"label\":\"Pho Saigon\"},{\"label\":\"Staff cafeteria\"},"
        + "{\"label\":\"Burger Lab\"}],\"closesAt\":\"" + closesAt + "\"}");
    send("POST", "api/vote/polls", token, "{\"title\":\"Friday's cafeteria menu\",\"kind\":\"MENU\","
        + "\"options\":[{\"label\":\"Bibimbap\"},{\"label\":\"Kimchi stew\"},{\"label\":\"Pork cutlet\"},"
        + "{\"label\":\"Vegetable curry\"}],\"maxChoices\":2,\"resultsVisibility\":\"AFTER_VOTE\",\"closesAt\":\""
        + closesAt + "\"}");
    return 2;
  }

  private String login(String user) {
    HttpResponse<String> response = call(HttpRequest.newBuilder(gateway.resolve("auth/token")).timeout(TIMEOUT)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":" + DemoOrders.quote(user) + ",\"password\":"
            + DemoOrders.quote(DemoOrders.PASSWORD) + "}"))
        .build());
    Matcher token = TOKEN.matcher(response.body());
    if (response.statusCode() != 200 || !token.find()) {
      throw new IllegalStateException("demo user " + user + " cannot log in: " + response.statusCode());
    }
    return token.group(1);
  }

  private String send(String method, String path, String token, String json) {
    HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path)).timeout(TIMEOUT)
        .header("Authorization", "Bearer " + token);
    if (json == null) {
      request.GET();
    } else {
      request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    HttpResponse<String> response = call(request.build());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
    }
    return response.body();
  }

  private HttpResponse<String> call(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while opening demo polls", e);
    }
  }
}

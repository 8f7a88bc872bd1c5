package com.pulse.local;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Opens seed 002's two polls through the gateway as the administrator: where to have lunch (PLACE) and what the
 * cafeteria should cook (MENU), both closing in four hours, for the demo employees {@code emp.20001} … {@code emp.20050}
 * and {@code emp.12345} to vote on. Does nothing when an open poll exists already (a kept data directory).
 */
public final class DemoPolls {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final DemoGateway gateway;

  /** @param gatewayUrl the gateway's base URL, e.g. {@code http://localhost:8080} */
  public DemoPolls(String gatewayUrl) {
    this.gateway = new DemoGateway(gatewayUrl, TIMEOUT, "opening demo polls");
  }

  /** @return how many polls were opened; 0 when an open poll existed already */
  public int seedIfEmpty() {
    if (gateway.send("GET", "api/vote/polls?status=open", "admin", null).contains("\"id\"")) {
      return 0;
    }
    String closesAt = Instant.now().plus(4, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES).toString();
    gateway.send("POST", "api/vote/polls", "admin",
        "{\"title\":\"Where shall we have lunch today?\",\"kind\":\"PLACE\","
        + "\"options\":[{\"label\":\"Kimbap Heaven\"},{\"label\":\"Pho Saigon\"},{\"label\":\"Staff cafeteria\"},"
        + "{\"label\":\"Burger Lab\"}],\"closesAt\":\"" + closesAt + "\"}");
    gateway.send("POST", "api/vote/polls", "admin",
        "{\"title\":\"Friday's cafeteria menu\",\"kind\":\"MENU\","
        + "\"options\":[{\"label\":\"Bibimbap\"},{\"label\":\"Kimchi stew\"},{\"label\":\"Pork cutlet\"},"
        + "{\"label\":\"Vegetable curry\"}],\"maxChoices\":2,\"resultsVisibility\":\"AFTER_VOTE\",\"closesAt\":\""
        + closesAt + "\"}");
    return 2;
  }
}

package com.pulse.local;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeds a realistic handful of hospital orders through the gateway's REST API, acting as the demo users would:
 * doctors order radiology (RIS) and lab (LIS) work, workers accept, start and complete some of it, and some orders
 * are cancelled, so every worklist and status has something to show. Everything goes through the public API, so
 * every order also produced its events and live updates.
 *
 * <p>Only for an empty stack: {@link #seedIfEmpty()} does nothing when any order exists already (a kept data
 * directory), so asking twice never doubles the demo.
 */
public final class DemoOrders {

  /** The local stack's demo password (see the gateway's {@code application-local.yml}). */
  static final String PASSWORD = "pulse";

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");
  private static final Pattern TOTAL = Pattern.compile("\"totalItems\"\\s*:\\s*(\\d+)");

  /** One step of an order's life after it was created: who does what, with the result or reason it needs. */
  private record Step(String action, String user, String text) {}

  /** An order as a doctor places it, and what happens to it next. */
  private record Demo(String doctor, String patientId, String jobRole, String orderCode, String priority,
      String notes, List<Step> steps) {}

  private static final List<Demo> DEMOS = List.of(
      new Demo("dr.kim", "P-1001", "RIS", "CT-HEAD", "STAT", "Sudden severe headache; rule out haemorrhage.",
          List.of(accept("ris.park"), start("ris.park"),
              complete("ris.park", "No acute intracranial haemorrhage. No mass effect."))),
      new Demo("dr.kim", "P-1001", "LIS", "TROPONIN-I", "STAT", "Chest pain since 06:00.", List.of()),
      new Demo("dr.kim", "P-1002", "LIS", "CBC", "ROUTINE", "Pre-operative panel.",
          List.of(accept("lis.choi"), start("lis.choi"))),
      new Demo("dr.lee", "P-1003", "RIS", "XR-CHEST", "URGENT", "Check tube position after intubation.",
          List.of(accept("ris.park"))),
      new Demo("dr.lee", "P-1004", "LIS", "CRP", "URGENT", "Fever 38.9 °C since last night.", List.of()),
      new Demo("dr.kim", "P-1005", "RIS", "MRI-LSPINE", "ROUTINE", "Chronic low back pain, radiating left.",
          List.of(cancel("dr.kim", "Patient declined MRI; CT ordered instead."))),
      new Demo("dr.lee", "P-1006", "LIS", "HBA1C", "ROUTINE", null,
          List.of(accept("lis.choi"), cancel("dr.lee", "Duplicate of this morning's order."))),
      new Demo("dr.kim", "P-1007", "RIS", "US-ABDOMEN", "ROUTINE", "Right upper quadrant pain after meals.",
          List.of()),
      new Demo("dr.lee", "P-1008", "LIS", "BLOOD-CULTURE", "STAT", "Suspected sepsis; two sets before antibiotics.",
          List.of(accept("lis.choi"), start("lis.choi"),
              complete("lis.choi", "Gram-negative rods in 1 of 2 sets; sensitivities to follow."))),
      new Demo("dr.lee", "P-1009", "RIS", "CT-ABDOMEN", "URGENT", "Suspected appendicitis.",
          List.of(accept("ris.park"), start("ris.park"))));

  private final DemoGateway gateway;

  /** @param gatewayUrl the gateway's base URL, e.g. {@code http://localhost:8080} */
  public DemoOrders(String gatewayUrl) {
    this.gateway = new DemoGateway(gatewayUrl, TIMEOUT, "seeding demo orders");
  }

  /**
   * Seeds the demo orders unless the stack already has orders.
   *
   * @return how many orders were created; 0 when orders existed already
   * @throws IllegalStateException when the gateway refuses a login or a request
   */
  public int seedIfEmpty() {
    String page = gateway.send("GET", "api/ocs/orders?size=1", "admin", null);
    Matcher total = TOTAL.matcher(page);
    if (total.find() && Long.parseLong(total.group(1)) > 0) {
      return 0;
    }
    for (Demo demo : DEMOS) {
      String created = gateway.send("POST", "api/ocs/orders", demo.doctor(), orderJson(demo));
      Matcher id = ID.matcher(created);
      if (!id.find()) {
        throw new IllegalStateException("no order id in " + created);
      }
      for (Step step : demo.steps()) {
        String body = switch (step.action()) {
          case "complete" -> "{\"result\":" + quote(step.text()) + "}";
          case "cancel" -> "{\"reason\":" + quote(step.text()) + "}";
          default -> "";
        };
        gateway.send("POST", "api/ocs/orders/" + id.group(1) + "/" + step.action(), step.user(), body);
      }
    }
    return DEMOS.size();
  }

  /** {@code java -cp ... com.pulse.local.DemoOrders http://localhost:8080}: seeds a running stack. */
  public static void main(String[] args) {
    String url = args.length > 0 ? args[0] : "http://localhost:8080";
    int created = new DemoOrders(url).seedIfEmpty();
    System.out.println(created == 0 ? "Orders exist already: no demo orders added."
        : "Added " + created + " demo orders through " + url);
  }

  private static String orderJson(Demo demo) {
    return "{\"patientId\":" + quote(demo.patientId()) + ",\"jobRole\":" + quote(demo.jobRole())
        + ",\"orderCode\":" + quote(demo.orderCode()) + ",\"priority\":" + quote(demo.priority())
        + ",\"notes\":" + (demo.notes() == null ? "null" : quote(demo.notes())) + "}";
  }

  /** A JSON string literal; the demo texts are ours, but quotes and control characters are escaped anyway. */
  static String quote(String text) {
    StringBuilder json = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    return json.append('"').toString();
  }

  private static Step accept(String worker) {
    return new Step("accept", worker, null);
  }

  private static Step start(String worker) {
    return new Step("start", worker, null);
  }

  private static Step complete(String worker, String result) {
    return new Step("complete", worker, result);
  }

  private static Step cancel(String doctor, String reason) {
    return new Step("cancel", doctor, reason);
  }
}

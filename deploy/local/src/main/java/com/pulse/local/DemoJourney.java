package com.pulse.local;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A morning at the demo hospital (journey-service's seeds 003/004), played through the gateway as its people would:
 * patient 1003 (the kiosk's simple login) arrives, registers, has a blood test (nurse nurse.yoon calls, starts and
 * completes it) and now waits in the CT queue; patient 1001 (demo user {@code patient.1001}) arrives, registers,
 * joins the X-ray queue and is called to X-ray room 1. So the XRAY, BLOOD and CT boards and the console's journey
 * panels show a called, a waiting and a finished examination, and a measured service time.
 *
 * <p>Only two demo patients can sign in through the API (1001 by password, 1003 by the simple login; 1002 and 1004
 * share their login data on purpose), so the morning has two patients, not a dozen. Only for a quiet hospital:
 * {@link #seedIfEmpty()} does nothing when one of them is on their way already.
 */
public final class DemoJourney {

  /** The demo patients this morning moves, in the order they arrive. */
  static final List<String> PATIENTS = List.of("1003", "1001");
  static final String NURSE = "nurse.yoon";

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Pattern STATE = Pattern.compile("\"journey_state\"\\s*:\\s*\"([A-Z_]+)\"");

  private final DemoGateway gateway;

  /** @param gatewayUrl the gateway's base URL, e.g. {@code http://localhost:8080} */
  public DemoJourney(String gatewayUrl) {
    this.gateway = new DemoGateway(gatewayUrl, TIMEOUT, "playing the demo morning");
  }

  /** @return how many patients were moved; 0 when one of them had left UNREGISTERED already */
  public int seedIfEmpty() {
    if (PATIENTS.stream().anyMatch(p -> !"UNREGISTERED".equals(state(p)))) {
      return 0;
    }
    arrive("1003", "BLOOD");
    staff("queues/BLOOD/call-next", "{}");
    staffAction("1003", "start_exam");
    staffAction("1003", "complete_exam");
    act("1003", "confirm_arrival", "{\"exam_id\":\"CT\"}");
    arrive("1001", "XRAY");
    staff("queues/XRAY/call-next", "{\"room_id\":\"XRAY-1\"}");
    return PATIENTS.size();
  }

  /** {@code java -cp ... com.pulse.local.DemoJourney http://localhost:8080}: plays the morning on a running stack. */
  public static void main(String[] args) {
    String url = args.length > 0 ? args[0] : "http://localhost:8080";
    int moved = new DemoJourney(url).seedIfEmpty();
    System.out.println(moved == 0 ? "Demo patients are on their way already: no demo morning added."
        : "Demo morning through " + url + ": " + moved + " patients in the queues");
  }

  /** The patient's journey (the {@code /me} shape) as staff see it. */
  String journey(String patientId) {
    return gateway.send("GET", "api/journey/patients/" + patientId, NURSE, null);
  }

  /** The patient's journey state, as staff see it. */
  String state(String patientId) {
    Matcher state = STATE.matcher(journey(patientId));
    if (!state.find()) {
      throw new IllegalStateException("no journey_state for patient " + patientId);
    }
    return state.group(1);
  }

  /** A patient action as the patient; answers the new journey. */
  String act(String patientId, String action, String payload) {
    return gateway.sendWithToken("POST", "api/journey/me/actions", "patient " + patientId, patientToken(patientId),
        "{\"action_type\":" + DemoOrders.quote(action)
        + (payload == null ? "" : ",\"payload\":" + payload) + "}");
  }

  /** A staff action on the patient as the nurse. */
  String staffAction(String patientId, String action) {
    return staff("patients/" + patientId + "/actions", "{\"action_type\":" + DemoOrders.quote(action) + "}");
  }

  /** A POST under {@code /api/journey/} as the nurse. */
  String staff(String path, String json) {
    return gateway.send("POST", "api/journey/" + path, NURSE, json);
  }

  private void arrive(String patientId, String examId) {
    act(patientId, "scan_nfc", null);
    act(patientId, "register", null);
    act(patientId, "confirm_arrival", "{\"exam_id\":" + DemoOrders.quote(examId) + "}");
  }

  /** 1001 signs in with the demo password; 1003 at the kiosk (last four digits of the phone, birth date). */
  private String patientToken(String patientId) {
    return switch (patientId) {
      case "1001" -> gateway.token("patient.1001");
      case "1003" -> gateway.signIn("kiosk 1003", "auth/simple-login",
          "{\"phoneLast4\":\"1003\",\"birthDate\":\"1990-09-09\"}");
      default -> throw new IllegalArgumentException("patient " + patientId + " cannot sign in through the API");
    };
  }
}

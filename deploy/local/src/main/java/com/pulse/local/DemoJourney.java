package com.pulse.local;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A busy morning at the demo hospital (journey-service's seeds 003/004), played through the gateway as its people
 * would: each patient signs in at the kiosk (simple login; 1001 with the demo password) and scans, registers and
 * joins queues; nurse nurse.yoon calls, starts and completes examinations. 26 patients end up at every point of the
 * journey: some finished or paying, three being examined (X-ray room 2, blood draw, CT), 1001 called to X-ray room 1,
 * 13 waiting in the three queues (1003 for CT after a blood test), four just arrived. Patients 1002, 1004–1006 stay at
 * home for trying the kiosk by hand. The patients' login data are the ones the README lists.
 *
 * <p>Only for a quiet hospital: {@link #seedIfEmpty()} does nothing when one of them is on their way already.
 */
public final class DemoJourney {

  /** Where each patient of the morning ends up (journey state). */
  static final Map<String, String> MORNING = morning();
  /** The patients this morning moves. */
  static final List<String> PATIENTS = List.copyOf(MORNING.keySet());
  static final String NURSE = "nurse.yoon";

  /** The birth dates of the patients moved (the kiosk's second half; the phone's last four digits are the id). */
  private static final Map<String, String> BIRTH_DATES = Map.ofEntries(Map.entry("1003", "1990-09-09"),
      Map.entry("1007", "1962-02-14"), Map.entry("1008", "1971-06-30"), Map.entry("1009", "1988-10-03"),
      Map.entry("1010", "1995-12-12"), Map.entry("1011", "1979-04-08"), Map.entry("1012", "1966-08-19"),
      Map.entry("1013", "2003-01-27"), Map.entry("1014", "1954-09-05"), Map.entry("1015", "1985-03-11"),
      Map.entry("1016", "1977-07-22"), Map.entry("1017", "1969-11-02"), Map.entry("1018", "1992-05-16"),
      Map.entry("1019", "1949-12-30"), Map.entry("1020", "1999-02-09"), Map.entry("1021", "1973-10-25"),
      Map.entry("1022", "1986-06-07"), Map.entry("1023", "1960-04-18"), Map.entry("1024", "1982-08-29"),
      Map.entry("1025", "1957-01-13"), Map.entry("1026", "1994-03-03"), Map.entry("1027", "1976-09-14"),
      Map.entry("1028", "2000-11-20"), Map.entry("1029", "1964-05-26"), Map.entry("1030", "1989-07-31"));

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
    // the early ones: examined while the queues were empty, so each call-next calls them
    examined("1007", "BLOOD");
    pay("1007", 2);
    examined("1008", "BLOOD");
    pay("1008", 1);
    examined("1009", "BLOOD");
    examined("1003", "BLOOD");
    examined("1015", "XRAY");
    pay("1015", 2);
    examined("1016", "XRAY");
    examined("1023", "CT");
    pay("1023", 1);
    // in the rooms now: each the only one in line when called
    arrive("1010", "BLOOD");
    staff("queues/BLOOD/call-next", "{\"room_id\":\"BLOOD-1\"}");
    staffAction("1010", "start_exam");
    arrive("1017", "XRAY");
    staff("queues/XRAY/call-next", "{\"room_id\":\"XRAY-2\"}");
    act("1017", "enter_exam_room", null);
    arrive("1024", "CT");
    staff("queues/CT/call-next", "{\"room_id\":\"CT-1\"}");
    staffAction("1024", "start_exam");
    arrive("1001", "XRAY");
    staff("queues/XRAY/call-next", "{\"room_id\":\"XRAY-1\"}");
    // in line, in this order
    act("1003", "confirm_arrival", "{\"exam_id\":\"CT\"}");
    List.of("1025", "1026").forEach(p -> arrive(p, "CT"));
    act("1016", "confirm_arrival", "{\"exam_id\":\"BLOOD\"}");
    List.of("1011", "1012", "1013", "1014").forEach(p -> arrive(p, "BLOOD"));
    List.of("1018", "1019", "1020", "1021", "1022").forEach(p -> arrive(p, "XRAY"));
    // just through the door
    List.of("1027", "1028", "1029", "1030").forEach(p -> act(p, "scan_nfc", null));
    List.of("1029", "1030").forEach(p -> act(p, "register", null));
    return PATIENTS.size();
  }

  /** {@code java -cp ... com.pulse.local.DemoJourney http://localhost:8080}: plays the morning on a running stack. */
  public static void main(String[] args) {
    String url = args.length > 0 ? args[0] : "http://localhost:8080";
    int moved = new DemoJourney(url).seedIfEmpty();
    System.out.println(moved == 0 ? "Demo patients are on their way already: no demo morning added."
        : "Demo morning through " + url + ": " + moved + " patients on their way");
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

  /** Arrives (or, after an exam, joins the next queue), is called, examined and done: COMPLETED. */
  private void examined(String patientId, String examId) {
    if ("UNREGISTERED".equals(state(patientId))) {
      arrive(patientId, examId);
    } else {
      act(patientId, "confirm_arrival", "{\"exam_id\":" + DemoOrders.quote(examId) + "}");
    }
    staff("queues/" + examId + "/call-next", "{}");
    staffAction(patientId, "start_exam");
    staffAction(patientId, "complete_exam");
  }

  /** COMPLETED → PAYMENT (once) → FINISHED (twice). */
  private void pay(String patientId, int times) {
    for (int i = 0; i < times; i++) {
      act(patientId, "make_payment", null);
    }
  }

  /** 1001 signs in with the demo password; everyone else at the kiosk (phone's last four digits, birth date). */
  private String patientToken(String patientId) {
    if (patientId.equals("1001")) {
      return gateway.token("patient.1001");
    }
    String birthDate = BIRTH_DATES.get(patientId);
    if (birthDate == null) {
      throw new IllegalArgumentException("patient " + patientId + " is not one of the morning's");
    }
    return gateway.signIn("kiosk " + patientId, "auth/simple-login",
        "{\"phoneLast4\":" + DemoOrders.quote(patientId) + ",\"birthDate\":" + DemoOrders.quote(birthDate) + "}");
  }

  private static Map<String, String> morning() {
    Map<String, String> morning = new LinkedHashMap<>();
    List.of("1007", "1015").forEach(p -> morning.put(p, "FINISHED"));
    List.of("1008", "1023").forEach(p -> morning.put(p, "PAYMENT"));
    morning.put("1009", "COMPLETED");
    List.of("1010", "1017", "1024").forEach(p -> morning.put(p, "IN_PROGRESS"));
    morning.put("1001", "CALLED");
    List.of("1003", "1025", "1026", "1016", "1011", "1012", "1013", "1014", "1018", "1019", "1020", "1021", "1022")
        .forEach(p -> morning.put(p, "WAITING"));
    List.of("1027", "1028").forEach(p -> morning.put(p, "ARRIVED"));
    List.of("1029", "1030").forEach(p -> morning.put(p, "REGISTERED"));
    return Collections.unmodifiableMap(morning);
  }
}

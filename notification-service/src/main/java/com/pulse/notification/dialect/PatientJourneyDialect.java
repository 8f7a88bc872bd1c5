package com.pulse.notification.dialect;

import com.pulse.identity.Caller;
import com.pulse.identity.Role;
import com.pulse.notification.channel.EventEncoding;
import com.pulse.notification.socket.DialectRequest;
import com.pulse.notification.socket.DialectSession;
import com.pulse.notification.socket.SocketDialect;
import com.pulse.notification.stream.StreamEvent;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /ws/patient-journey/}: seed 004's {@code PatientJourneyConsumer} for the patient's own app (PROTOCOL.md,
 * "Seed journey dialect"). A PATIENT token only; the socket joins {@code journey:patient:{patientId}}.
 *
 * <pre>
 * on open                                   → {"type":"initial_state","payload":&lt;GET /api/journey/me&gt;}
 * {"command":"fetch_initial_state"}         → the same
 * {"command":"perform_action","action_type","payload"} → {"type":"action_result","success":true,"payload":&lt;/me&gt;}
 *                                              or {"type":"action_result","success":false,"error":…,"status":…}
 * {"command":"ping"}                        → {"type":"pong"}
 * journey.patient.state-changed             → {"type":"state_update","payload":{journey_state, action, timestamp}}
 * journey.patient.called                    → {"type":"patient_called","payload":&lt;the event's data&gt;}
 * </pre>
 *
 * Commands are forwarded to journey-service over REST with the caller's own token ({@link JourneyCalls}: timeout,
 * circuit breaker): the socket never decides a state, and a failure is an {@code action_result}, never a closed socket.
 */
@Component
final class PatientJourneyDialect implements SocketDialect {

  private static final JsonMapper JSON = JsonMapper.shared();
  private static final EventEncoding FRAMES = PatientJourneyDialect::frame;

  private final JourneyCalls journey;

  PatientJourneyDialect(JourneyCalls journey) {
    this.journey = journey;
  }

  @Override
  public List<String> paths() {
    return List.of("/ws/patient-journey");
  }

  @Override
  public EventEncoding events() {
    return FRAMES;
  }

  @Override
  public String refusal(Caller caller, DialectRequest request) {
    return caller.hasRole(Role.PATIENT) && caller.patientId() != null ? null
        : "/ws/patient-journey is the patient's own socket: a PATIENT token with a patientId";
  }

  @Override
  public boolean keepsToken() {
    return true;
  }

  @Override
  public void opened(DialectSession session) {
    session.join("journey:patient:" + session.caller().patientId());
    sendInitialState(session);
  }

  @Override
  public void received(DialectSession session, JsonNode frame) {
    JsonNode command = frame.get("command");
    String name = command != null && command.isString() ? command.asString() : "";
    switch (name) {
      case "ping" -> session.send(JSON.writeValueAsBytes(JSON.createObjectNode().put("type", "pong")));
      case "fetch_initial_state" -> sendInitialState(session);
      case "perform_action" -> performAction(session, frame);
      default -> session.error("UNKNOWN_COMMAND", "unknown command '" + (name.length() <= 64 ? name
          : name.substring(0, 64) + "…") + "'; known: fetch_initial_state, perform_action, ping");
    }
  }

  private void sendInitialState(DialectSession session) {
    journey.me(session.token()).subscribe(result -> {
      if (result.ok()) {
        session.send(JSON.writeValueAsBytes(JSON.createObjectNode().put("type", "initial_state")
            .set("payload", result.body())));
      } else {
        session.error("UNAVAILABLE", "the current state could not be read: " + result.body().path("detail")
            .asString(""));
      }
    });
  }

  private void performAction(DialectSession session, JsonNode frame) {
    JsonNode type = frame.get("action_type");
    if (type == null || !type.isString() || type.asString().isBlank()) {
      session.send(failure(400, "\"action_type\" is required", null));
      return;
    }
    journey.act(session.token(), type.asString(), frame.get("payload")).subscribe(result -> session.send(result.ok()
        ? JSON.writeValueAsBytes(JSON.createObjectNode().put("type", "action_result").put("success", true)
            .set("payload", result.body()))
        : failure(result.status(), result.body().path("detail").asString("the action failed"), result.body())));
  }

  private static byte[] failure(int status, String error, JsonNode problem) {
    ObjectNode reply = JSON.createObjectNode().put("type", "action_result").put("success", false)
        .put("error", error).put("status", status);
    if (problem != null) {
      reply.set("problem", problem);
    }
    return JSON.writeValueAsBytes(reply);
  }

  /** The seed's {@code state_update} for a state change, {@code patient_called} for a call; null for the rest. */
  static byte[] frame(StreamEvent event) {
    boolean changed = event.type().equals("journey.patient.state-changed");
    if (!changed && !event.type().equals("journey.patient.called")) {
      return null;
    }
    JsonNode data = JSON.readTree(event.json()).get("data");
    if (data == null || !data.isObject()) {
      return null;
    }
    ObjectNode frame = JSON.createObjectNode();
    if (changed) {
      frame.put("type", "state_update").putObject("payload")
          .put("journey_state", data.path("to_state").asString())
          .put("action", data.path("action").asString())
          .put("timestamp", data.path("occurred_at").asString());
    } else {
      frame.put("type", "patient_called").set("payload", data);
    }
    frame.put("eventId", event.id());
    return JSON.writeValueAsBytes(frame);
  }
}

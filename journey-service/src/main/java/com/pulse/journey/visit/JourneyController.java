package com.pulse.journey.visit;

import com.pulse.identity.Caller;
import com.pulse.journey.state.Action;
import com.pulse.journey.state.Actor;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A patient's journey: {@code /me} for the patient (their own state and the patient's actions),
 * {@code /patients/{id}} for staff (any patient, the staff's actions), and the transition log.
 */
@RestController
@RequestMapping("/api/journey")
class JourneyController {

  private final JourneyService service;

  JourneyController(JourneyService service) {
    this.service = service;
  }

  @GetMapping("/me")
  JourneyView me(Caller caller) {
    return service.view(ownPatient(caller), Actor.PATIENT);
  }

  @PostMapping("/me/actions")
  JourneyView act(@Valid @RequestBody ActionRequest request, Caller caller) {
    String trigger = Action.SCAN_NFC.wireName().equals(request.action_type()) ? "nfc_tag" : "patient_action";
    return service.act(ownPatient(caller), Actor.PATIENT, request.action_type(), request.payload(), caller, trigger);
  }

  @GetMapping("/patients/{patientId}")
  JourneyView patient(@PathVariable String patientId, Caller caller) {
    if (!JourneyAccess.maySeePatient(caller, patientId)) {
      throw JourneyProblems.patientNotFound(patientId);
    }
    return service.view(patientId, JourneyAccess.readsEveryPatient(caller) ? Actor.STAFF : Actor.PATIENT);
  }

  @PostMapping("/patients/{patientId}/actions")
  JourneyView staffAct(@PathVariable String patientId, @Valid @RequestBody ActionRequest request, Caller caller) {
    if (!JourneyAccess.isClinicalStaff(caller)) {
      throw JourneyProblems.forbidden("Only nurses, doctors and administrators act on patients; a patient acts "
          + "on their own journey through /api/journey/me/actions.");
    }
    return service.act(patientId, Actor.STAFF, request.action_type(), request.payload(), caller, "staff_action");
  }

  @GetMapping("/patients/{patientId}/transitions")
  List<TransitionView> transitions(@PathVariable String patientId, Caller caller) {
    if (!JourneyAccess.maySeePatient(caller, patientId)) {
      throw JourneyProblems.patientNotFound(patientId);
    }
    return service.transitions(patientId);
  }

  private static String ownPatient(Caller caller) {
    String patientId = JourneyAccess.ownPatientId(caller);
    if (patientId == null) {
      throw JourneyProblems.forbidden("Only a patient has a journey of their own (a PATIENT token with a patientId).");
    }
    return patientId;
  }
}

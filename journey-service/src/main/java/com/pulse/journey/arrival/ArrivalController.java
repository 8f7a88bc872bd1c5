package com.pulse.journey.arrival;

import com.pulse.identity.Caller;
import com.pulse.journey.state.Actor;
import com.pulse.journey.visit.JourneyAccess;
import com.pulse.journey.visit.JourneyProblems;
import com.pulse.journey.visit.JourneyService;
import com.pulse.journey.visit.JourneyView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/journey/nfc/scan {tagId}} (Android's NFC) and {@code GET /api/journey/nfc/qr/{tagId}} (the iOS QR
 * fallback, same effect), with the patient's token. An unknown tag is a 404; scanning twice changes nothing more.
 */
@RestController
@RequestMapping("/api/journey/nfc")
class ArrivalController {

  private final JdbcClient jdbc;
  private final JourneyService journeys;

  ArrivalController(JdbcClient jdbc, JourneyService journeys) {
    this.jdbc = jdbc;
    this.journeys = journeys;
  }

  @PostMapping("/scan")
  Arrival scan(@Valid @RequestBody Scan request, Caller caller) {
    return arrive(request.tagId(), caller);
  }

  @GetMapping("/qr/{tagId}")
  Arrival qr(@PathVariable String tagId, Caller caller) {
    return arrive(tagId, caller);
  }

  private Arrival arrive(String tagId, Caller caller) {
    String patientId = JourneyAccess.ownPatientId(caller);
    if (patientId == null) {
      throw JourneyProblems.forbidden("Tags are scanned by patients, with their own token.");
    }
    Tag tag = jdbc.sql("select t.tag_id, t.kind, t.location, r.exam_id, r.name from nfc_tag t "
        + "left join exam_room r using (room_id) where t.tag_id = ?").param(tagId)
        .query((rs, n) -> new Tag(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5))).optional()
        .orElseThrow(() -> JourneyProblems.notFound("Tag not found", "No NFC tag " + tagId + "."));
    JourneyView state = tag.kind().equals("ENTRANCE") ? journeys.arriveAtEntrance(patientId, caller, tag.tagId())
        : journeys.view(patientId, Actor.PATIENT);
    return new Arrival(tag.tagId(), tag.location(), tag.examId(), tag.room(), Directions.next(jdbc, state), state);
  }

  record Scan(@NotBlank @Size(max = 64) String tagId) {}

  record Tag(String tagId, String kind, String location, String examId, String room) {}

  /**
   * @param location where the tag is
   * @param exam_id the exam of the tag's room; null at the entrance
   * @param next where to go now, or null when nothing is scheduled
   * @param state the patient's journey, as {@code /me} answers it
   */
  record Arrival(String tag_id, String location, String exam_id, String room, Directions.Next next,
      JourneyView state) {}
}

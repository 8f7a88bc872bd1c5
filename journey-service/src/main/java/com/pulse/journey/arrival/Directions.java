package com.pulse.journey.arrival;

import com.pulse.journey.visit.JourneyView;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The way to the patient's next exam: the room they are called to, else the exam they wait for, else today's first
 * appointment whose exam they have not joined yet.
 */
final class Directions {

  private Directions() {}

  /** @param room the room's name, or null while not called to one */
  record Next(String exam_id, String exam_name, String room, String location) {}

  static Next next(JdbcClient jdbc, JourneyView state) {
    if (!state.queue_details().isEmpty()) {
      JourneyView.QueueDetail entry = state.queue_details().getFirst();
      return new Next(entry.exam_id(), entry.exam_name(), entry.room(), location(jdbc, entry.exam_id()));
    }
    return state.appointments().stream().filter(a -> a.status().equals("scheduled")).findFirst()
        .map(a -> new Next(a.exam_id(), a.exam_name(), null, location(jdbc, a.exam_id()))).orElse(null);
  }

  /** Where the exam's rooms are (the first room's location). */
  private static String location(JdbcClient jdbc, String examId) {
    return jdbc.sql("select location from exam_room where exam_id = ? order by room_id limit 1").param(examId)
        .query(String.class).optional().orElse(null);
  }
}

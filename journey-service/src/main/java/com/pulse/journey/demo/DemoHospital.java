package com.pulse.journey.demo;

import com.pulse.journey.JourneyProperties;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Inserts what is missing of the demo hospital; running it again (or on two instances) adds nothing twice. */
@Component
@ConditionalOnBooleanProperty("pulse.journey.demo-data")
class DemoHospital implements ApplicationRunner {

  record Exam(String id, String title, int minutes) {}

  record Room(String id, String examId, String name, String location) {}

  static final List<Exam> EXAMS = List.of(new Exam("XRAY", "X-ray", 8), new Exam("BLOOD", "Blood test", 5),
      new Exam("CT", "CT scan", 15));

  static final List<Room> ROOMS = List.of(
      new Room("XRAY-1", "XRAY", "X-ray room 1", "Radiology, 2nd floor"),
      new Room("XRAY-2", "XRAY", "X-ray room 2", "Radiology, 2nd floor"),
      new Room("BLOOD-1", "BLOOD", "Blood draw 1", "Laboratory, 1st floor"),
      new Room("CT-1", "CT", "CT room 1", "Radiology, basement 1"));

  private final JdbcClient jdbc;
  private final JourneyProperties properties;

  DemoHospital(JdbcClient jdbc, JourneyProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    EXAMS.forEach(e -> jdbc.sql("insert into exam (exam_id, title, default_service_minutes) values (?, ?, ?) "
        + "on conflict do nothing").params(e.id(), e.title(), e.minutes()).update());
    ROOMS.forEach(r -> jdbc.sql("insert into exam_room (room_id, exam_id, name, location) values (?, ?, ?, ?) "
        + "on conflict do nothing").params(r.id(), r.examId(), r.name(), r.location()).update());
    jdbc.sql("insert into nfc_tag (tag_id, location, kind) values ('TAG-ENTRANCE', 'Main entrance', 'ENTRANCE') "
        + "on conflict do nothing").update();
    ROOMS.forEach(r -> jdbc.sql("insert into nfc_tag (tag_id, location, kind, room_id) values (?, ?, 'ROOM', ?) "
        + "on conflict do nothing").params("TAG-" + r.id(), r.name() + ", " + r.location(), r.id()).update());
    LocalDate today = LocalDate.now(properties.timeZone());
    for (DemoPatients.Patient p : DemoPatients.ALL) {
      // the login data as documented, also on a kept database of an older demo; the journey is left as it is
      jdbc.sql("insert into patient (patient_id, user_id, name, phone, birth_date, journey_state) "
          + "values (?, ?, ?, ?, ?, 'UNREGISTERED') on conflict (patient_id) do update "
          + "set name = excluded.name, phone = excluded.phone, birth_date = excluded.birth_date")
          .params(p.id(), p.userId(), p.name(), p.phone(), p.birthDate()).update();
      for (DemoPatients.Appointment a : p.appointments()) {
        Timestamp at = Timestamp.from(today.atTime(a.at()).atZone(properties.timeZone()).toInstant());
        jdbc.sql("insert into appointment (patient_id, exam_id, scheduled_at) select ?, ?, ? where not exists "
            + "(select 1 from appointment where patient_id = ? and exam_id = ? and scheduled_at = ?)")
            .params(p.id(), a.examId(), at, p.id(), a.examId(), at).update();
      }
    }
  }
}

package com.pulse.journey.demo;

import com.pulse.journey.JourneyProperties;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
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

  record Patient(String id, String userId, String name, String phone, LocalDate birthDate,
      List<Appointment> appointments) {}

  record Appointment(String examId, LocalTime at) {}

  static final List<Exam> EXAMS = List.of(new Exam("XRAY", "X-ray", 8), new Exam("BLOOD", "Blood test", 5),
      new Exam("CT", "CT scan", 15));

  static final List<Room> ROOMS = List.of(
      new Room("XRAY-1", "XRAY", "X-ray room 1", "Radiology, 2nd floor"),
      new Room("XRAY-2", "XRAY", "X-ray room 2", "Radiology, 2nd floor"),
      new Room("BLOOD-1", "BLOOD", "Blood draw 1", "Laboratory, 1st floor"),
      new Room("CT-1", "CT", "CT room 1", "Radiology, basement 1"));

  /** 1002 and 1004 share the phone's last digits and the birth date: the simple login's "several match". */
  static final List<Patient> PATIENTS = List.of(
      new Patient("1001", "patient.1001", "김민수", "010-1234-1001", LocalDate.of(1980, 1, 1),
          List.of(new Appointment("XRAY", LocalTime.of(9, 0)), new Appointment("BLOOD", LocalTime.of(10, 0)))),
      new Patient("1002", "patient.1002", "이영희", "010-5678-2002", LocalDate.of(1975, 5, 5),
          List.of(new Appointment("CT", LocalTime.of(9, 30)))),
      new Patient("1003", "patient.1003", "박지훈", "010-2222-1003", LocalDate.of(1990, 9, 9),
          List.of(new Appointment("BLOOD", LocalTime.of(11, 0)))),
      new Patient("1004", "patient.1004", "최수진", "010-9999-2002", LocalDate.of(1975, 5, 5),
          List.of(new Appointment("XRAY", LocalTime.of(14, 0)))));

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
    for (Patient p : PATIENTS) {
      jdbc.sql("insert into patient (patient_id, user_id, name, phone, birth_date, journey_state) "
          + "values (?, ?, ?, ?, ?, 'UNREGISTERED') on conflict do nothing")
          .params(p.id(), p.userId(), p.name(), p.phone(), p.birthDate()).update();
      for (Appointment a : p.appointments()) {
        Timestamp at = Timestamp.from(today.atTime(a.at()).atZone(properties.timeZone()).toInstant());
        jdbc.sql("insert into appointment (patient_id, exam_id, scheduled_at) select ?, ?, ? where not exists "
            + "(select 1 from appointment where patient_id = ? and exam_id = ? and scheduled_at = ?)")
            .params(p.id(), a.examId(), at, p.id(), a.examId(), at).update();
      }
    }
  }
}

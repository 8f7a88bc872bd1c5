package com.pulse.journey.visit;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.testsupport.TestUser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The journey API over real HTTP as the tests' users, and fresh patients and exams of their own per test. */
final class JourneyClient {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final AtomicInteger PHONES = new AtomicInteger(1000);

  private final int port;
  private final JdbcClient jdbc;

  JourneyClient(int port, JdbcClient jdbc) {
    this.port = port;
    this.jdbc = jdbc;
  }

  /** A new patient in the database, UNREGISTERED, and a token for them. */
  TestUser newPatient() {
    String id = "T" + UUID.randomUUID().toString().substring(0, 12);
    String phone = "010-0000-" + PHONES.incrementAndGet();
    jdbc.sql("insert into patient (patient_id, user_id, name, phone, birth_date, journey_state) "
        + "values (?, ?, ?, ?, ?, 'UNREGISTERED')").params(id, "user." + id, "홍길동", phone,
            LocalDate.of(1970, 1, 1)).update();
    return new TestUser("user." + id, "Patient " + id, List.of("PATIENT"), null, id, null);
  }

  /** A new exam with {@code rooms} open rooms, so queue numbers start at 1. */
  String newExam(int rooms) {
    String id = "E" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    jdbc.sql("insert into exam (exam_id, title) values (?, ?)").params(id, "Exam " + id).update();
    for (int i = 1; i <= rooms; i++) {
      jdbc.sql("insert into exam_room (room_id, exam_id, name, location) values (?, ?, ?, 'Floor 1')")
          .params(id + "-" + i, id, "Room " + i).update();
    }
    return id;
  }

  HttpResponse<String> post(String path, String body, TestUser user) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (user != null) {
      request.header("Authorization", user.bearer());
    }
    return send(request.build());
  }

  HttpResponse<String> get(String path, TestUser user) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
    if (user != null) {
      request.header("Authorization", user.bearer());
    }
    return send(request.build());
  }

  static String action(String type, String payloadJson) {
    return "{\"action_type\":\"" + type + "\"" + (payloadJson == null ? "" : ",\"payload\":" + payloadJson) + "}";
  }

  /** The patient's own action; returns the answer. */
  HttpResponse<String> patientAct(TestUser patient, String type, String payloadJson) {
    return post("/api/journey/me/actions", action(type, payloadJson), patient);
  }

  HttpResponse<String> staffAct(TestUser staff, String patientId, String type, String payloadJson) {
    return post("/api/journey/patients/" + patientId + "/actions", action(type, payloadJson), staff);
  }

  /**
   * Puts a fresh patient straight into {@code state}, consistently: WAITING, CALLED and IN_PROGRESS with an active
   * entry in {@code examId} whose state maps to it (journey_to_queue). For the table test, which starts everywhere.
   */
  TestUser inState(String state, String examId) {
    TestUser patient = newPatient();
    jdbc.sql("update patient set journey_state = ? where patient_id = ?").params(state, patient.patientId()).update();
    String entryState = switch (state) {
      case "WAITING" -> "waiting";
      case "CALLED" -> "called";
      case "IN_PROGRESS" -> "in_progress";
      default -> null;
    };
    if (entryState != null) {
      jdbc.sql("insert into queue_counter (exam_id, service_day, last_number) values (?, current_date, 1) "
          + "on conflict (exam_id, service_day) do update set last_number = queue_counter.last_number + 1")
          .params(examId).update();
      int number = jdbc.sql("select last_number from queue_counter where exam_id = ? and service_day = current_date")
          .param(examId).query(Integer.class).single();
      jdbc.sql("insert into queue_entry (queue_id, exam_id, patient_id, service_day, queue_number, state, arrived_at) "
          + "values (?, ?, ?, current_date, ?, ?, now())")
          .params(UUID.randomUUID(), examId, patient.patientId(), number, entryState).update();
    }
    return patient;
  }

  /** Asserts 200 and returns the JSON. */
  static JsonNode ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  String journeyState(String patientId) {
    return jdbc.sql("select journey_state from patient where patient_id = ?").param(patientId).query(String.class)
        .single();
  }

  /** Moves a fresh patient to WAITING in the exam through the API; returns the queue number. */
  int toWaiting(TestUser patient, String examId) {
    ok(patientAct(patient, "scan_nfc", null));
    ok(patientAct(patient, "register", null));
    JsonNode waiting = ok(patientAct(patient, "confirm_arrival", "{\"exam_id\":\"" + examId + "\"}"));
    return waiting.path("queue_details").get(0).path("queue_number").asInt();
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}

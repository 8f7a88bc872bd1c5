package com.pulse.journey.visit;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulse.testsupport.PulseIntegrationTest;
import com.pulse.testsupport.TestUser;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Actions at once: one patient's are serialized by their row lock; an exam's numbers stay 1..n without gaps. */
@PulseIntegrationTest
class ConcurrencyTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void eightCallsOfOnePatientAtOnceHaveOneWinner() throws Exception {
    JourneyClient api = new JourneyClient(port, jdbc);
    TestUser patient = api.inState("WAITING", api.newExam(1));

    List<HttpResponse<String>> answers = all(8,
        () -> api.staffAct(TestUser.NURSE_YOON, patient.patientId(), "call_patient", null));

    assertThat(answers).filteredOn(a -> a.statusCode() == 200).hasSize(1);
    assertThat(answers).filteredOn(a -> a.statusCode() == 409).hasSize(7)
        .allSatisfy(a -> assertThat(JourneyClient.json(a).path("current_state").asString()).isEqualTo("CALLED"));
    assertThat(api.journeyState(patient.patientId())).isEqualTo("CALLED");
    assertThat(jdbc.sql("select action || ':' || from_state || '>' || to_state from journey_transition "
        + "where patient_id = ?").param(patient.patientId()).query(String.class).list())
        .containsExactly("call_patient:WAITING>CALLED");
    assertThat(jdbc.sql("select state from queue_entry where patient_id = ?").param(patient.patientId())
        .query(String.class).list()).containsExactly("called");
  }

  @Test
  void mixedActionsOfOnePatientAtOnceLeaveOneConsistentStory() throws Exception {
    JourneyClient api = new JourneyClient(port, jdbc);
    TestUser patient = api.inState("CALLED", api.newExam(1));

    List<HttpResponse<String>> answers = all(8, new Supplier<>() {
      private final AtomicInteger turn = new AtomicInteger();

      @Override
      public HttpResponse<String> get() {
        return switch (turn.getAndIncrement() % 4) {
          case 0 -> api.patientAct(patient, "enter_exam_room", null);
          case 1 -> api.staffAct(TestUser.NURSE_YOON, patient.patientId(), "start_exam", null);
          case 2 -> api.staffAct(TestUser.NURSE_YOON, patient.patientId(), "mark_no_show", null);
          default -> api.staffAct(TestUser.DR_KIM, patient.patientId(), "start_exam", null);
        };
      }
    });

    assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).isIn(200, 409));
    List<String> log = jdbc.sql("select from_state || '>' || to_state from journey_transition where patient_id = ? "
        + "order by id").param(patient.patientId()).query(String.class).list();
    assertThat(log).hasSize((int) answers.stream().filter(a -> a.statusCode() == 200).count());
    String state = "CALLED";
    for (String step : log) {
      assertThat(step).startsWith(state + ">");
      state = step.substring(step.indexOf('>') + 1);
    }
    assertThat(api.journeyState(patient.patientId())).isEqualTo(state);
  }

  @Test
  void fiftyPatientsJoiningOneExamAtOnceGetNumbersOneToFifty() throws Exception {
    JourneyClient api = new JourneyClient(port, jdbc);
    String exam = api.newExam(2);
    List<TestUser> patients = IntStream.range(0, 50).mapToObj(i -> api.inState("REGISTERED", null)).toList();
    Iterator<TestUser> next = patients.iterator();

    List<HttpResponse<String>> answers = all(50, () -> {
      TestUser patient;
      synchronized (next) {
        patient = next.next();
      }
      return api.patientAct(patient, "confirm_arrival", "{\"exam_id\":\"" + exam + "\"}");
    });

    assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).as(a.body()).isEqualTo(200));
    assertThat(jdbc.sql("select queue_number from queue_entry where exam_id = ? order by queue_number").param(exam)
        .query(Integer.class).list()).isEqualTo(IntStream.rangeClosed(1, 50).boxed().toList());
  }

  /** Runs n calls at once (all released together) and returns every answer. */
  private static List<HttpResponse<String>> all(int n, Supplier<HttpResponse<String>> call) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
      List<CompletableFuture<HttpResponse<String>>> futures = IntStream.range(0, n)
          .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
            try {
              start.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return call.get();
          }, pool)).toList();
      start.countDown();
      return futures.stream().map(CompletableFuture::join).toList();
    }
  }
}

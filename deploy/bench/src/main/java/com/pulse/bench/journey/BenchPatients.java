package com.pulse.bench.journey;

import com.pulse.bench.StackTokens;
import com.pulse.testsupport.TestUser;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Patients for the benchmark. journey-service has no API that registers patients (they come from the hospital's
 * records; the demo hospital has four), so they are inserted into its database as its demo data inserts them,
 * UNREGISTERED, each with a PATIENT token signed by the stack's key. Ids carry the run's stamp: a second run never
 * meets the first one's patients.
 */
final class BenchPatients {

  record Patient(String patientId, String token) {}

  private BenchPatients() {}

  static List<Patient> insert(String jdbcUrl, StackTokens tokens, String prefix, int count) throws SQLException {
    String stamp = prefix + Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36).toUpperCase();
    List<Patient> patients = new ArrayList<>();
    try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
        PreparedStatement insert = db.prepareStatement("insert into patient (patient_id, user_id, name, phone, "
            + "birth_date, journey_state) values (?, ?, ?, ?, ?, 'UNREGISTERED')")) {
      for (int i = 0; i < count; i++) {
        String id = stamp + "-" + i;
        String user = "bench.patient." + id.toLowerCase();
        insert.setString(1, id);
        insert.setString(2, user);
        insert.setString(3, "벤치" + i);
        insert.setString(4, String.format("010-%04d-%04d", i / 10_000, i % 10_000));
        insert.setObject(5, LocalDate.of(1970, 1, 1).plusDays(i));
        insert.addBatch();
        patients.add(new Patient(id, tokens.issue(new TestUser(user, "Bench patient " + id, List.of("PATIENT"),
            null, id, null))));
      }
      insert.executeBatch();
    }
    return patients;
  }
}

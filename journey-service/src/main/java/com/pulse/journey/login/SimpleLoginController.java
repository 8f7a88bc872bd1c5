package com.pulse.journey.login;

import com.pulse.identity.Caller;
import com.pulse.identity.Role;
import com.pulse.journey.visit.JourneyProblems;
import com.pulse.problems.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /internal/journey/simple-login {phoneLast4, birthDate}} → the one patient who matches: 200 with their
 * ids, 409 when several match (the kiosk asks for the full number), 404 when none (the gateway answers 401 without
 * saying which part was wrong).
 */
@RestController
class SimpleLoginController {

  private final JdbcClient jdbc;

  SimpleLoginController(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @PostMapping("/internal/journey/simple-login")
  Match verify(@Valid @RequestBody Credentials credentials, Caller caller) {
    if (!caller.hasRole(Role.SERVICE)) {
      throw Problems.forbidden("Only Pulse's own services verify simple logins.");
    }
    List<Match> matches = jdbc.sql("select patient_id, user_id, name from patient "
        + "where right(phone, 4) = ? and birth_date = ? order by patient_id limit 2")
        .params(credentials.phoneLast4(), credentials.birthDate())
        .query((rs, n) -> new Match(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    if (matches.size() > 1) {
      throw Problems.exception(Problems.of(HttpStatus.CONFLICT,
          "Several patients match; the full phone number is needed."));
    }
    return matches.stream().findFirst()
        .orElseThrow(() -> JourneyProblems.notFound("No match", "No patient matches."));
  }

  record Credentials(@NotNull @Pattern(regexp = "[0-9]{4}") String phoneLast4, @NotNull LocalDate birthDate) {}

  /** Who the gateway issues the PATIENT token for: {@code sub} = userId, {@code patientId}, {@code name}. */
  record Match(String patientId, String userId, String name) {}
}

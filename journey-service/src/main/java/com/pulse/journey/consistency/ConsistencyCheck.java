package com.pulse.journey.consistency;

import com.pulse.journey.state.Action;
import com.pulse.journey.state.Actor;
import com.pulse.journey.state.Consistency;
import com.pulse.journey.state.Decision;
import com.pulse.journey.state.JourneyState;
import com.pulse.journey.state.QueueState;
import com.pulse.journey.state.StateMachine;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Reads every patient with their active entries, and the transition log, and judges them by the state model. */
@Component
class ConsistencyCheck {

  private final StateMachine machine = StateMachine.fromSeed();
  private final JdbcClient jdbc;

  ConsistencyCheck(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One snapshot (repeatable read), so a patient and their entries are judged as they were at one moment. */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  ConsistencyReport run() {
    List<ConsistencyReport.PatientFinding> mismatches = new ArrayList<>();
    List<ConsistencyReport.PatientFinding> orphans = new ArrayList<>();
    List<ConsistencyReport.PatientFinding> several = new ArrayList<>();
    Map<String, Long> distribution = new LinkedHashMap<>();
    Arrays.stream(JourneyState.values()).forEach(s -> distribution.put(s.wireName(), 0L));
    List<ConsistencyReport.PatientFinding> patients = jdbc.sql("select p.patient_id, p.journey_state, "
        + "array_remove(array_agg(e.state order by e.arrived_at), null) from patient p left join queue_entry e "
        + "on e.patient_id = p.patient_id and e.state not in ('completed', 'cancelled') "
        + "group by p.patient_id, p.journey_state order by p.patient_id")
        .query((rs, n) -> new ConsistencyReport.PatientFinding(rs.getString(1), rs.getString(2), strings(rs.getArray(3))))
        .list();
    for (ConsistencyReport.PatientFinding p : patients) {
      distribution.merge(p.journey_state(), 1L, Long::sum);
      List<QueueState> states = p.active_entry_states().stream().map(s -> QueueState.fromWireName(s).orElseThrow())
          .toList();
      switch (Consistency.of(JourneyState.valueOf(p.journey_state()), states)) {
        case MISMATCH -> mismatches.add(p);
        case ORPHANED -> orphans.add(p);
        case SEVERAL_ACTIVE_ENTRIES -> several.add(p);
        case CONSISTENT -> { }
      }
    }
    List<ConsistencyReport.InvalidTransition> invalid;
    // streamed, so the whole log is never in memory at once; closed, so its statement is too
    try (Stream<ConsistencyReport.InvalidTransition> log = jdbc.sql("select id, patient_id, actor, action, "
        + "from_state, to_state, trigger from journey_transition order by id")
        .query((rs, n) -> new ConsistencyReport.InvalidTransition(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7))).stream()) {
      invalid = log.filter(t -> !allowed(t)).toList();
    }
    boolean healthy = mismatches.isEmpty() && orphans.isEmpty() && several.isEmpty() && invalid.isEmpty();
    return new ConsistencyReport(Instant.now(), patients.size(), mismatches, orphans, several, invalid, distribution,
        healthy);
  }

  /**
   * Whether the table allows a logged change: the target of (from, action) as the machine decides it, with the first
   * or a later no-show; a queue-only change (a delay) keeps the journey state.
   */
  private boolean allowed(ConsistencyReport.InvalidTransition t) {
    Optional<JourneyState> from = JourneyState.fromWireName(t.from_state());
    Optional<JourneyState> to = JourneyState.fromWireName(t.to_state());
    if (from.isEmpty() || to.isEmpty()) {
      return false;
    }
    if (t.trigger().equals("queue_sync")) {
      return t.action().equals("delay") && from.get() == JourneyState.WAITING && to.get() == JourneyState.WAITING;
    }
    Optional<Actor> actor = Arrays.stream(Actor.values()).filter(a -> a.wireName().equals(t.actor())).findFirst();
    Optional<Action> action = actor.flatMap(a -> Action.find(a, t.action()));
    if (action.isEmpty()) {
      return false;
    }
    for (int noShows = 0; noShows <= 1; noShows++) {
      if (machine.decide(from.get(), action.get(), noShows) instanceof Decision.Allowed a && a.to() == to.get()) {
        return true;
      }
    }
    return false;
  }

  private static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : List.of((String[]) array.getArray());
  }
}

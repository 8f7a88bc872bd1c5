package com.pulse.vote.poll;

import com.pulse.identity.Caller;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/vote/polls/{id}/stats}: the tally as the caller may see it, with an ETag so a polling client gets 304
 * until something changed (Spring answers {@code If-None-Match} for a {@code ResponseEntity} that carries one); and
 * {@code /audit}, every ballot change, for administrators.
 */
@RestController
@RequestMapping("/api/vote/polls/{id}")
class StatsController {

  private static final int AUDIT_LIMIT = 10_000;

  private final PollService service;

  StatsController(PollService service) {
    this.service = service;
  }

  @GetMapping("/stats")
  ResponseEntity<StatsView> stats(@PathVariable long id, Caller caller) {
    PollController.readable(caller);
    StatsView stats = service.stats(id, caller);
    return ResponseEntity.ok().eTag(stats.etag()).cacheControl(CacheControl.noCache().cachePrivate())
        .header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION).body(stats);
  }

  @GetMapping("/audit")
  Map<String, Object> audit(@PathVariable long id, Caller caller) {
    if (!PollAccess.mayReadAudit(caller)) {
      throw PollProblems.forbidden("Only administrators read the ballot audit.");
    }
    List<BallotChange> changes = service.audit(id, AUDIT_LIMIT);
    return Map.of("pollId", id, "items", changes, "readAt", Instant.now());
  }
}

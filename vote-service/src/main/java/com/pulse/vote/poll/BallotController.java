package com.pulse.vote.poll;

import com.pulse.identity.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/vote/polls/{id}/ballot}: an employee casts, changes or retracts their ballot. */
@RestController
@RequestMapping("/api/vote/polls/{id}/ballot")
class BallotController {

  private final BallotService service;

  BallotController(BallotService service) {
    this.service = service;
  }

  @PutMapping
  BallotView cast(@PathVariable long id, @RequestBody BallotRequest request, Caller caller) {
    voter(caller);
    return service.cast(id, caller, request.optionIds());
  }

  /** 204 whether or not there was a ballot (retracting twice is retracting once). */
  @DeleteMapping
  ResponseEntity<Void> retract(@PathVariable long id, Caller caller) {
    voter(caller);
    service.retract(id, caller);
    return ResponseEntity.noContent().build();
  }

  private static void voter(Caller caller) {
    if (!PollAccess.mayVote(caller)) {
      throw PollProblems.forbidden("Only employees vote, identified by their token's empNo.");
    }
  }
}

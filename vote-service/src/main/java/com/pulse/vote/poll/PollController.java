package com.pulse.vote.poll;

import com.pulse.identity.Caller;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/vote/polls}: open a poll, list polls, read one, close one. */
@RestController
@RequestMapping("/api/vote/polls")
class PollController {

  private final PollService service;
  private final VoteProperties properties;

  PollController(PollService service, VoteProperties properties) {
    this.service = service;
    this.properties = properties;
  }

  @PostMapping
  ResponseEntity<PollView> open(@Valid @RequestBody CreatePollRequest request, Caller caller) {
    if (!PollAccess.mayCreate(caller, properties.employeesMayCreate())) {
      throw PollProblems.forbidden(properties.employeesMayCreate() ? "Only employees and administrators open polls."
          : "Only administrators open polls.");
    }
    check(request);
    PollView poll = service.open(request, caller.id());
    return ResponseEntity.created(URI.create("/api/vote/polls/" + poll.id())).body(poll);
  }

  /** Newest first, at most 200; {@code status} is {@code open} or {@code closed}, absent for both. */
  @GetMapping
  Map<String, List<PollView>> list(@RequestParam(required = false) String status, Caller caller) {
    readable(caller);
    PollStatus wanted = null;
    if (status != null) {
      wanted = switch (status.toLowerCase(Locale.ROOT)) {
        case "open" -> PollStatus.OPEN;
        case "closed" -> PollStatus.CLOSED;
        default -> throw PollProblems.invalid("status", "must be one of [open, closed]");
      };
    }
    return Map.of("items", service.list(wanted));
  }

  @GetMapping("/{id}")
  PollView get(@PathVariable long id, Caller caller) {
    readable(caller);
    return service.find(id).orElseThrow(() -> PollProblems.notFound(id));
  }

  /** Its creator or an administrator; 409 when it is closed already. */
  @PostMapping("/{id}/close")
  PollView close(@PathVariable long id, Caller caller) {
    readable(caller);
    return service.close(id, caller.id(), poll -> {
      if (!PollAccess.mayClose(caller, poll)) {
        throw PollProblems.forbidden("Only the creator of poll " + id + " (or an administrator) closes it.");
      }
    });
  }

  static void readable(Caller caller) {
    if (!PollAccess.mayRead(caller)) {
      throw PollProblems.forbidden("Polls are for employees and administrators.");
    }
  }

  /** What bean validation cannot say: a closing time in the past, more choices than options, repeated labels. */
  private static void check(CreatePollRequest request) {
    if (request.closesAt() != null && !request.closesAt().isAfter(Instant.now())) {
      throw PollProblems.invalid("closesAt", "must be in the future");
    }
    if (request.maxChoices() != null && request.maxChoices() > request.options().size()) {
      throw PollProblems.invalid("maxChoices", "must be at most the number of options ("
          + request.options().size() + ")");
    }
    Set<String> labels = new HashSet<>();
    for (int i = 0; i < request.options().size(); i++) {
      if (!labels.add(request.options().get(i).label().strip().toLowerCase(Locale.ROOT))) {
        throw PollProblems.invalid("options[" + i + "].label", "repeats an earlier option");
      }
    }
  }
}

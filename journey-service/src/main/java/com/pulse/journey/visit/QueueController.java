package com.pulse.journey.visit;

import com.pulse.identity.Caller;
import com.pulse.journey.JourneyProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/journey/queues/{examId}}: the board, call-next and delay. */
@RestController
@RequestMapping("/api/journey/queues/{examId}")
class QueueController {

  private final QueueService queues;
  private final JourneyProperties properties;

  QueueController(QueueService queues, JourneyProperties properties) {
    this.queues = queues;
    this.properties = properties;
  }

  @GetMapping
  QueueBoard board(@PathVariable String examId, Caller caller) {
    if (!JourneyAccess.mayWatchQueue(caller, examId)) {
      throw JourneyProblems.forbidden("Only clinical staff and the " + examId + " display see this queue.");
    }
    return queues.board(examId);
  }

  @PostMapping("/call-next")
  JourneyView callNext(@PathVariable String examId, @Valid @RequestBody(required = false) CallNext request,
      Caller caller) {
    requireStaff(caller);
    return queues.callNext(examId, request == null ? null : request.room_id(), caller);
  }

  @PostMapping("/entries/{queueId}/delay")
  QueueBoard delay(@PathVariable String examId, @PathVariable UUID queueId,
      @Valid @RequestBody(required = false) Delay request, Caller caller) {
    requireStaff(caller);
    Duration hold = request == null || request.minutes() == null ? properties.defaultDelay()
        : Duration.ofMinutes(request.minutes());
    return queues.delay(examId, queueId, hold, caller);
  }

  private static void requireStaff(Caller caller) {
    if (!JourneyAccess.isClinicalStaff(caller)) {
      throw JourneyProblems.forbidden("Only nurses, doctors and administrators run the queues.");
    }
  }

  /** Optionally, the room to call to (else the first free open room). */
  record CallNext(@Size(min = 1, max = 64) String room_id) {}

  /** How long the patient's place is held; the service's default when absent. */
  record Delay(@Min(1) @Max(240) Integer minutes) {}
}

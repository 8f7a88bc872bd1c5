package com.pulse.journey.definitions;

import com.pulse.journey.state.StateDefinitions;
import com.pulse.journey.state.StateMachine;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Seed 004's {@code StateDefinitionsView}: the table in the seed's shape, public (pulse.security.public-paths), so
 * front-ends read it instead of copying it. It changes only with a release, so caches may keep it for a while.
 */
@RestController
class StateDefinitionsController {

  @GetMapping("/api/journey/state-definitions")
  ResponseEntity<StateDefinitions> definitions() {
    return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
        .body(StateMachine.fromSeed().definitions());
  }
}

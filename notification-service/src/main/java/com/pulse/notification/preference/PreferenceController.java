package com.pulse.notification.preference;

import com.pulse.identity.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@code GET/PUT /api/notifications/preferences}: the caller's own preferences, nobody else's. */
@RestController
@RequestMapping("/api/notifications/preferences")
class PreferenceController {

  private final PreferenceRepository repository;
  private final PreferenceCache cache;

  PreferenceController(PreferenceRepository repository, PreferenceCache cache) {
    this.repository = repository;
    this.cache = cache;
  }

  @GetMapping
  Mono<PreferencesResponse> get(Caller caller) {
    String user = caller.id();
    return Mono.fromCallable(() -> PreferencesResponse.of(repository.find(user)))
        .subscribeOn(Schedulers.boundedElastic());
  }

  /** Replaces the caller's preferences; they apply to the inbox and this instance's live delivery at once. */
  @PutMapping
  Mono<PreferencesResponse> put(Caller caller, @RequestBody PreferencesRequest request) {
    String user = caller.id();
    Preferences preferences = request.validate();
    return Mono.fromCallable(() -> {
      repository.save(user, preferences);
      cache.saved(user, preferences);
      return PreferencesResponse.of(preferences);
    }).subscribeOn(Schedulers.boundedElastic());
  }
}

package com.pulse.notification.inbox;

import com.pulse.events.ChannelCatalog;
import com.pulse.identity.Caller;
import com.pulse.problems.InvalidFieldsException;
import com.pulse.notification.preference.PreferenceRepository;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The caller's inbox: {@code GET /api/notifications}, {@code GET /api/notifications/unread-count},
 * {@code POST /api/notifications/{id}/read}, {@code POST /api/notifications/read-all}. Who the caller is and what
 * they may see come from the token alone; JDBC runs on the bounded-elastic scheduler, never on the event loop.
 */
@RestController
@RequestMapping("/api/notifications")
class InboxController {

  static final int DEFAULT_SIZE = 20;
  static final int MAX_SIZE = 100;

  private final Inbox inbox;
  private final PreferenceRepository preferences;
  private final ChannelCatalog catalog;

  InboxController(Inbox inbox, PreferenceRepository preferences, ChannelCatalog catalog) {
    this.inbox = inbox;
    this.preferences = preferences;
    this.catalog = catalog;
  }

  @GetMapping
  Mono<NotificationPage> list(Caller caller, @RequestParam(required = false) String unread,
      @RequestParam(required = false) String size, @RequestParam(required = false) String cursor) {
    boolean unreadOnly = flag("unread", unread);
    int limit = size(size);
    Cursor after = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor);
    Audience audience = audience(caller);
    return blocking(() -> inbox.page(audience, preferences.find(audience.userId()), unreadOnly, after, limit));
  }

  @GetMapping("/unread-count")
  Mono<Map<String, Long>> unreadCount(Caller caller) {
    Audience audience = audience(caller);
    return blocking(() -> Map.of("unread", inbox.unreadCount(audience, preferences.find(audience.userId()))));
  }

  /** 204 once read (again: still 204); 404 when the caller's inbox has no such entry, whoever else's might. */
  @PostMapping("/{id}/read")
  Mono<ResponseEntity<Void>> markRead(Caller caller, @PathVariable String id) {
    Audience audience = audience(caller);
    return blocking(() -> inbox.markRead(audience, id)).map(found -> {
      if (!found) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
            "Your inbox has no notification '" + id + "'.");
        problem.setTitle("Not found");
        throw new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
      }
      return ResponseEntity.noContent().build();
    });
  }

  @PostMapping("/read-all")
  Mono<ResponseEntity<Void>> markAllRead(Caller caller) {
    String user = caller.id();
    return blocking(() -> {
      inbox.markAllRead(user);
      return ResponseEntity.noContent().<Void>build();
    });
  }

  private Audience audience(Caller caller) {
    return Audience.of(caller, catalog);
  }

  private static <T> Mono<T> blocking(Callable<T> call) {
    return Mono.fromCallable(call).subscribeOn(Schedulers.boundedElastic());
  }

  private static boolean flag(String name, String value) {
    if (value == null || value.isBlank()) {
      return false;
    }
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new InvalidFieldsException(name, "must be true or false, got '" + value + "'");
    };
  }

  private static int size(String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT_SIZE;
    }
    try {
      int size = Integer.parseInt(value);
      if (size >= 1 && size <= MAX_SIZE) {
        return size;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new InvalidFieldsException("size", "must be an integer from 1 to " + MAX_SIZE + ", got '" + value + "'");
  }
}

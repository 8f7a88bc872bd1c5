package com.pulse.notification.fallback;

import com.pulse.events.ChannelCatalog;
import com.pulse.identity.Caller;
import com.pulse.notification.channel.Arrival;
import com.pulse.notification.channel.Dispatcher;
import com.pulse.notification.channel.PositionRefused;
import com.pulse.notification.admission.ConnectionAdmission;
import com.pulse.notification.metrics.NotificationMetrics;
import com.pulse.notification.stream.StreamPosition;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /sse?channels=a,b}: Server-Sent Events for clients without WebSocket. Each {@code message} is the same
 * JSON as a {@code /ws} event frame; its {@code id} is a position, so the browser's automatic reconnect sends it back
 * as {@code Last-Event-ID} and gets exactly what it missed. First (after any missed events) comes one
 * {@code subscribed} event: {@code {"channels":[…],"recovered":…,"position":…}}. A comment every heartbeat keeps
 * proxies from closing an idle stream. Streams count against the sockets' connection limits (one more: 429 with
 * {@code Retry-After}); a stream whose sign-in is revoked ends at once.
 */
@RestController
final class SseController {

  static final int QUEUE = 1024;

  private final ChannelCatalog catalog;
  private final Dispatcher dispatcher;
  private final NotificationMetrics metrics;
  private final JsonMapper json;
  private final Duration heartbeat;
  private final SseStreams streams;
  private final ConnectionAdmission admission;
  private final Duration retryAfter;

  SseController(ChannelCatalog catalog, Dispatcher dispatcher, NotificationMetrics metrics,
      JsonMapper json, @Value("${pulse.notification.socket.heartbeat:25s}") Duration heartbeat, SseStreams streams,
      ConnectionAdmission admission, @Value("${pulse.notification.socket.retry-after:5s}") Duration retryAfter) {
    this.streams = streams;
    this.admission = admission;
    this.retryAfter = retryAfter;
    this.catalog = catalog;
    this.dispatcher = dispatcher;
    this.metrics = metrics;
    this.json = json;
    this.heartbeat = heartbeat;
  }

  @GetMapping(path = "/sse", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  Flux<ServerSentEvent<String>> stream(Caller caller, @AuthenticationPrincipal Jwt token,
      @RequestParam(required = false) String channels,
      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
    List<String> names = ChannelRequest.channels(catalog, caller, "channels", channels);
    StreamPosition since = ChannelRequest.position("Last-Event-ID", lastEventId);
    // the same per-user and per-instance limits as sockets, counted together
    String limit = admission.admit(caller.id());
    if (limit != null) {
      throw BadRequest.tooManyConnections(limit, retryAfter);
    }
    SseStream stream = new SseStream(caller.id(), QUEUE, metrics, SseStream.tokenIds(token));
    try {
      join(stream, names, since);
    } catch (PositionRefused refused) {
      admission.release(caller.id());
      throw BadRequest.field("Last-Event-ID", refused.getMessage());
    } catch (RuntimeException e) {
      admission.release(caller.id());
      throw e;
    }
    streams.opened(stream);
    Sinks.Empty<Void> ended = Sinks.empty();
    Flux<ServerSentEvent<String>> events = stream.events().doFinally(signal -> ended.tryEmitEmpty());
    Flux<ServerSentEvent<String>> keepAlive = Flux.interval(heartbeat)
        .map(tick -> ServerSentEvent.<String>builder().comment("keep-alive").build())
        .takeUntilOther(ended.asMono());
    return Flux.merge(events, keepAlive)
        .doFinally(signal -> {
          names.forEach(channel -> dispatcher.leave(stream, channel));
          streams.closed(stream);
          admission.release(caller.id());
        });
  }

  /** Joins the channels, recovering from {@code since}; one {@code subscribed} event says how that went. */
  private void join(SseStream stream, List<String> names, StreamPosition since) {
    dispatcher.join(stream, names, since, new Arrival() {
      private boolean recovered = since != null;
      private StreamPosition position;

      @Override
      public void greet(StreamPosition now) {
        stream.start(since != null ? since : now);
        position = now;
      }

      @Override
      public void joined(Dispatcher.Subscription subscription) {
        recovered &= subscription.recovered();
        position = position.max(subscription.position());
      }

      @Override
      public void done() {
        Map<String, Object> subscribed = new LinkedHashMap<>();
        subscribed.put("channels", names);
        subscribed.put("recovered", recovered);
        subscribed.put("position", position.toString());
        stream.control("subscribed", json.writeValueAsString(subscribed), position);
      }
    });
  }
}

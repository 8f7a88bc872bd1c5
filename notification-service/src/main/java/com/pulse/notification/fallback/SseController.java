package com.pulse.notification.fallback;

import com.pulse.notification.channel.ChannelAccess;
import com.pulse.notification.channel.Dispatcher;
import com.pulse.notification.channel.Viewer;
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
 * proxies from closing an idle stream.
 */
@RestController
final class SseController {

  static final int QUEUE = 1024;

  private final ChannelAccess access;
  private final Dispatcher dispatcher;
  private final NotificationMetrics metrics;
  private final JsonMapper json;
  private final Duration heartbeat;
  private final SseStreams streams;

  SseController(ChannelAccess access, Dispatcher dispatcher, NotificationMetrics metrics, JsonMapper json,
      @Value("${pulse.notification.socket.heartbeat:25s}") Duration heartbeat, SseStreams streams) {
    this.streams = streams;
    this.access = access;
    this.dispatcher = dispatcher;
    this.metrics = metrics;
    this.json = json;
    this.heartbeat = heartbeat;
  }

  @GetMapping(path = "/sse", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  Flux<ServerSentEvent<String>> stream(@AuthenticationPrincipal Jwt jwt,
      @RequestParam(required = false) String channels,
      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
    Viewer viewer = Viewer.from(jwt);
    List<String> names = ChannelRequest.channels(access, viewer, "channels", channels);
    StreamPosition since = ChannelRequest.position("Last-Event-ID", lastEventId);
    SseStream stream = new SseStream(viewer.id(), QUEUE, metrics);
    streams.opened(stream);
    dispatcher.exclusively(() -> {
      stream.start(since != null ? since : dispatcher.position());
      boolean recovered = since != null;
      StreamPosition position = dispatcher.position();
      for (String channel : names) {
        Dispatcher.Subscription subscription = dispatcher.subscribe(stream, channel, since, s -> { });
        recovered &= subscription.recovered();
        position = position.max(subscription.position());
      }
      Map<String, Object> subscribed = new LinkedHashMap<>();
      subscribed.put("channels", names);
      subscribed.put("recovered", recovered);
      subscribed.put("position", position.toString());
      stream.control("subscribed", json.writeValueAsString(subscribed), position);
      return null;
    });
    Sinks.Empty<Void> ended = Sinks.empty();
    Flux<ServerSentEvent<String>> events = stream.events().doFinally(signal -> ended.tryEmitEmpty());
    Flux<ServerSentEvent<String>> keepAlive = Flux.interval(heartbeat)
        .map(tick -> ServerSentEvent.<String>builder().comment("keep-alive").build())
        .takeUntilOther(ended.asMono());
    return Flux.merge(events, keepAlive)
        .doFinally(signal -> {
          names.forEach(channel -> dispatcher.unsubscribe(stream, channel));
          streams.closed(stream);
        });
  }
}

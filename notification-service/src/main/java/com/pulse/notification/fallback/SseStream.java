package com.pulse.notification.fallback;

import com.pulse.notification.channel.Delivery;
import com.pulse.notification.channel.Subscriber;
import com.pulse.notification.metrics.NotificationMetrics;
import com.pulse.notification.stream.StreamPosition;
import com.pulse.identity.Claims;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * One SSE response as a channel member. Each event's {@code id} is the stream's position after it (every channel of
 * the stream up to there), so the browser's automatic {@code Last-Event-ID} resumes exactly after it. The queue is
 * bounded: a reader that falls behind gets the stream ended (after what is queued) and resumes from its last id.
 * Every emission is synchronized on the stream, so the sink gets one at a time as it requires, whether it comes from
 * the dispatcher (events, {@code subscribed}) or from the service stopping.
 */
final class SseStream implements Subscriber {

  private final String userId;
  private final NotificationMetrics metrics;
  private final Sinks.Many<ServerSentEvent<String>> sink;
  private StreamPosition position;
  private final Set<String> tokenIds;
  private volatile boolean ended;

  SseStream(String userId, int queue, NotificationMetrics metrics, Set<String> tokenIds) {
    this.userId = userId;
    this.tokenIds = tokenIds;
    this.metrics = metrics;
    this.sink = Sinks.many().unicast().onBackpressureBuffer(Queues.<ServerSentEvent<String>>get(queue).get());
  }

  @Override
  public String userId() {
    return userId;
  }

  /** The ids a revocation of the stream's token may name: its sign-in ({@code sid}) and its own ({@code jti}). */
  static Set<String> tokenIds(Jwt token) {
    if (token == null) {
      return Set.of();
    }
    Set<String> ids = new HashSet<>();
    if (token.getId() != null) {
      ids.add(token.getId());
    }
    if (token.getClaimAsString(Claims.SESSION_ID) != null) {
      ids.add(token.getClaimAsString(Claims.SESSION_ID));
    }
    return Set.copyOf(ids);
  }

  boolean usesToken(String id) {
    return tokenIds.contains(id);
  }

  /** Where the stream starts (before any event). */
  void start(StreamPosition at) {
    position = at;
  }

  @Override
  public synchronized void deliver(Delivery delivery) {
    if (ended) {
      metrics.frameDropped();
      return;
    }
    position = position.with(delivery.event().position());
    Sinks.EmitResult result = sink.tryEmitNext(ServerSentEvent.builder(
        new String(delivery.frame(), StandardCharsets.UTF_8)).id(position.toString()).build());
    if (result.isSuccess()) {
      metrics.frameDelivered(delivery.event().time());
    } else {
      // too far behind: end the response after what is queued; the client resumes from its last id
      ended = true;
      metrics.frameDropped();
      metrics.disconnected("slow_consumer");
      sink.tryEmitComplete();
    }
  }

  /** An event of another kind ({@code subscribed}), carrying the current position as its id. */
  synchronized void control(String name, String json, StreamPosition at) {
    position = position == null ? at : position.max(at);
    sink.tryEmitNext(ServerSentEvent.builder(json).event(name).id(position.toString()).build());
  }

  /** Ends the response after what is queued (the service is stopping). */
  synchronized void end() {
    ended = true;
    sink.tryEmitComplete();
  }

  Flux<ServerSentEvent<String>> events() {
    return sink.asFlux();
  }
}

package com.pulse.notification.fallback;

import com.pulse.identity.revocation.Revocations;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The open SSE responses, ended when the service stops (before the web server's graceful shutdown waits for them):
 * clients reconnect, to another instance, with their {@code Last-Event-ID}, as WebSocket clients do on 1012. Also
 * ended: the streams of a revoked sign-in.
 */
@Component
final class SseStreams implements SmartLifecycle {

  private final Set<SseStream> open = ConcurrentHashMap.newKeySet();
  private volatile boolean running;

  /** A stream of a revoked sign-in or token ends at once (its client's reconnect then meets 401). */
  SseStreams(Revocations revocations) {
    revocations.onRevoked(id -> open.stream().filter(stream -> stream.usesToken(id)).forEach(SseStream::end));
  }

  void opened(SseStream stream) {
    open.add(stream);
  }

  void closed(SseStream stream) {
    open.remove(stream);
  }

  @Override
  public void start() {
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    open.forEach(SseStream::end);
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE;
  }
}

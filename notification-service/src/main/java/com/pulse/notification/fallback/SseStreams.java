package com.pulse.notification.fallback;

import com.pulse.notification.channel.Dispatcher;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The open SSE responses, ended when the service stops (before the web server's graceful shutdown waits for them):
 * clients reconnect, to another instance, with their {@code Last-Event-ID}, as WebSocket clients do on 1012.
 */
@Component
final class SseStreams implements SmartLifecycle {

  private final Set<SseStream> open = ConcurrentHashMap.newKeySet();
  private final Dispatcher dispatcher;
  private volatile boolean running;

  SseStreams(Dispatcher dispatcher) {
    this.dispatcher = dispatcher;
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
    // emissions are serialized by the dispatcher's lock
    dispatcher.exclusively(() -> {
      open.forEach(SseStream::end);
      return null;
    });
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

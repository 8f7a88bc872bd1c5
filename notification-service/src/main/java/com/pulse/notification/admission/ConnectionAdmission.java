package com.pulse.notification.admission;

import com.pulse.notification.metrics.NotificationMetrics;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Counts open connections, WebSocket and SSE together, against the limits {@code pulse.notification.socket.*} sets
 * ({@code max-connections} per instance, {@code max-connections-per-user}): one user cannot hold more streams than
 * sockets by switching transport. The {@code pulse.notification.connections} gauge counts both.
 */
@Component
public final class ConnectionAdmission {

  private final Map<String, AtomicInteger> perUser = new ConcurrentHashMap<>();
  private final AtomicInteger total = new AtomicInteger();
  private final int maxConnections;
  private final int maxConnectionsPerUser;
  private final NotificationMetrics metrics;

  @Autowired
  public ConnectionAdmission(@Value("${pulse.notification.socket.max-connections:50000}") int maxConnections,
      @Value("${pulse.notification.socket.max-connections-per-user:20}") int maxConnectionsPerUser,
      NotificationMetrics metrics) {
    this.maxConnections = maxConnections;
    this.maxConnectionsPerUser = maxConnectionsPerUser;
    this.metrics = metrics;
    metrics.connections(total, AtomicInteger::get);
  }

  /**
   * Counts a new connection against the limits; the name of the limit it would exceed ({@code instance},
   * {@code user}), or null when admitted. Each admitted connection must be {@link #release}d once.
   */
  public String admit(String userId) {
    if (total.incrementAndGet() > maxConnections) {
      total.decrementAndGet();
      metrics.connectionRejected("instance_limit");
      return "instance";
    }
    AtomicInteger mine = perUser.computeIfAbsent(userId, id -> new AtomicInteger());
    if (mine.incrementAndGet() > maxConnectionsPerUser) {
      release(userId);
      metrics.connectionRejected("user_limit");
      return "user";
    }
    return null;
  }

  public void release(String userId) {
    total.decrementAndGet();
    perUser.computeIfPresent(userId, (id, count) -> count.decrementAndGet() <= 0 ? null : count);
  }
}

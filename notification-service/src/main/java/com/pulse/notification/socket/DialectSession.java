package com.pulse.notification.socket;

import com.pulse.identity.Caller;
import com.pulse.notification.stream.StreamEvent;
import java.util.List;

/** One open socket as a {@link SocketDialect} sees it. */
public interface DialectSession {

  Caller caller();

  /** The handshake: path, path parameter, query. */
  DialectRequest request();

  /** The caller's token when the dialect {@linkplain SocketDialect#keepsToken() keeps it}, else null. */
  String token();

  /** Queues a frame (JSON text) to the client. */
  void send(byte[] json);

  /** Sends the dialect's error frame. */
  void error(String code, String message);

  /** Whether the catalog lets the caller into the channel (unknown channels: no). */
  boolean maySubscribe(String channel);

  /** Joins the channel, live from now, if the catalog lets the caller in; false otherwise (nothing joined). */
  boolean join(String channel);

  /** Leaves the channel; false when not a member. */
  boolean leave(String channel);

  /** The channel's last {@code limit} events held in memory, oldest first; empty unless the caller may read it. */
  List<StreamEvent> recent(String channel, int limit);
}

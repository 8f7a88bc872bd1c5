package com.pulse.notification.socket;

import com.pulse.identity.Caller;
import com.pulse.notification.channel.EventEncoding;
import com.pulse.notification.stream.StreamEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A socket dialect: the endpoint and message shapes a seed's front-end already speaks, as a thin adapter over the
 * generic channels. Each implementation (a bean in {@code dialect/}) says which paths it serves, how it frames
 * events, what it does when a socket opens and what the client's frames mean; everything else — the handshake and
 * its token, connection limits, the send queue, heartbeats, rate and size limits, close codes, channel authorization
 * by the catalog — is the same as on {@code /ws} ({@link SocketSessions}).
 */
public interface SocketDialect {

  /**
   * The paths served, each also with a trailing slash (the seeds' clients add one); a last segment {@code {name}}
   * captures a path parameter: {@code /ws/spc/product/{id}}.
   */
  List<String> paths();

  /** How an event is framed for this dialect's clients (encoded once per event, shared); null frames are skipped. */
  EventEncoding events();

  /**
   * A reason to refuse the handshake (answered 403 with it as the detail), checked after the token; null accepts.
   * For checks the channel catalog cannot express, such as a query parameter that must match a claim.
   */
  default String refusal(Caller caller, DialectRequest request) {
    return null;
  }

  /**
   * More frames for an event, sent after its {@link #events()} frame (a seed that sends several messages for one
   * change). Called once per event and session on the intake thread: must not block, and should reuse what it built
   * for the previous session of the same event. Empty by default.
   */
  default List<byte[]> followUps(StreamEvent event) {
    return List.of();
  }

  /**
   * An event is being delivered to the session, before its frames are built: a dialect may react for this session
   * (join a channel the event announces). Runs on the intake thread: must not block. Nothing by default.
   */
  default void delivering(DialectSession session, StreamEvent event) {}

  /** Whether a session keeps the caller's token, for a dialect that calls a service on the caller's behalf. */
  default boolean keepsToken() {
    return false;
  }

  /** The socket is open: greet, join channels. Runs before any client frame is read. */
  void opened(DialectSession session);

  /** One client frame, a JSON object. Runs on the connection's I/O thread: must not block. */
  void received(DialectSession session, JsonNode frame);

  /** An error frame in this dialect's words: by default {@code {"type":"error","code":…,"message":…}}. */
  default byte[] error(String code, String message) {
    return JsonMapper.shared().writeValueAsString(java.util.Map.of("type", "error", "code", code, "message", message))
        .getBytes(StandardCharsets.UTF_8);
  }
}

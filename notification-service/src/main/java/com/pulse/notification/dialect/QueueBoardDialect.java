package com.pulse.notification.dialect;

import com.pulse.events.ChannelCatalog;
import com.pulse.identity.Caller;
import com.pulse.notification.channel.EventEncoding;
import com.pulse.notification.socket.DialectRequest;
import com.pulse.notification.socket.DialectSession;
import com.pulse.notification.socket.SocketDialect;
import com.pulse.notification.stream.StreamEvent;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /ws/queue/{examId}/}: one exam queue's board for staff and that department's display (seed 003's queue
 * socket). The socket joins {@code journey:queue:{examId}}, which the catalog admits clinical staff and a
 * {@code DISPLAY} account of that department to; anyone else is refused at the handshake.
 *
 * <pre>
 * journey.queue.updated → {"type":"queue.update","data":&lt;the board&gt;,"sequence":…}
 * {"command":"ping"}    → {"type":"pong"}
 * </pre>
 */
@Component
final class QueueBoardDialect implements SocketDialect {

  private static final JsonMapper JSON = JsonMapper.shared();
  private static final EventEncoding FRAMES = QueueBoardDialect::frame;

  @Override
  public List<String> paths() {
    return List.of("/ws/queue/{examId}");
  }

  @Override
  public EventEncoding events() {
    return FRAMES;
  }

  private final ChannelCatalog catalog;

  QueueBoardDialect(ChannelCatalog catalog) {
    this.catalog = catalog;
  }

  /** Refused at the handshake (403) unless the catalog admits the caller to the queue's channel. */
  @Override
  public String refusal(Caller caller, DialectRequest request) {
    String channel = channel(request.pathParameter());
    return catalog.maySubscribe(caller, channel) ? null : "not allowed to watch " + channel;
  }

  @Override
  public void opened(DialectSession session) {
    String channel = channel(session.request().pathParameter());
    if (!session.join(channel)) {
      session.error("FORBIDDEN", "not allowed to watch " + channel);
    }
  }

  @Override
  public void received(DialectSession session, JsonNode frame) {
    JsonNode command = frame.has("command") ? frame.get("command") : frame.get("type");
    if (command != null && command.isString() && command.asString().equals("ping")) {
      session.send(JSON.writeValueAsBytes(JSON.createObjectNode().put("type", "pong")));
    } else {
      session.error("UNKNOWN_COMMAND", "the queue socket only answers ping");
    }
  }

  private static String channel(String examId) {
    return "journey:queue:" + examId;
  }

  static byte[] frame(StreamEvent event) {
    if (!event.type().equals("journey.queue.updated")) {
      return null;
    }
    JsonNode data = JSON.readTree(event.json()).get("data");
    if (data == null || !data.isObject()) {
      return null;
    }
    ObjectNode frame = JSON.createObjectNode().put("type", "queue.update");
    frame.set("data", data);
    frame.set("sequence", JSON.readTree(event.json()).get("sequence"));
    frame.put("eventId", event.id());
    return JSON.writeValueAsBytes(frame);
  }
}

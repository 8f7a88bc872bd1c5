package com.pulse.notification.dialect;

import com.pulse.notification.channel.EventEncoding;
import com.pulse.notification.socket.DialectRequest;
import com.pulse.notification.socket.DialectSession;
import com.pulse.notification.socket.SocketDialect;
import com.pulse.notification.stream.StreamEvent;
import com.pulse.identity.Caller;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /ws/votes?emp_no=…}: seed 002's vote socket, for its {@code useRealtimeWebSocket} hook (PROTOCOL.md, "Seed vote
 * dialect"). The handshake is refused unless {@code emp_no} equals the token's {@code empNo}. On open the employee
 * joins {@code vote:polls} and the channel of every open poll this instance knows of (from {@code vote:polls}' recent
 * history, plus any {@code poll_id} in the query), and of every poll opened while connected; then gets
 * {@code connection_ack}. Each live tally becomes {@code vote_update}, followed, for a PLACE or MENU poll whose counts
 * everyone may see, by one {@code place_vote} / {@code menu_vote} per option with the seed's {@code data} fields.
 * {@code ping} → {@code pong}; {@code join {poll_id}} follows a poll this instance has not seen opened. No recovery.
 */
@Component
final class VoteDialect implements SocketDialect {

  static final String POLLS = "vote:polls";
  private static final String POLL = "vote:poll:";
  private static final Pattern POLL_ID = Pattern.compile("[1-9][0-9]{0,17}");
  private static final JsonMapper JSON = JsonMapper.shared();

  private final EventEncoding frames = VoteFrames::update;
  /** The follow-ups of the event being delivered: built for its first session, reused for the others. */
  private final AtomicReference<Built> lastFollowUps = new AtomicReference<>();

  private record Built(String eventId, List<byte[]> frames) {}

  @Override
  public List<String> paths() {
    return List.of("/ws/votes");
  }

  @Override
  public EventEncoding events() {
    return frames;
  }

  @Override
  public String refusal(Caller caller, DialectRequest request) {
    String empNo = request.query("emp_no");
    if (empNo == null || caller.empNo() == null || !empNo.equals(caller.empNo())) {
      return "emp_no must equal the empNo of your token";
    }
    return null;
  }

  @Override
  public void opened(DialectSession session) {
    session.join(POLLS);
    Set<String> polls = new LinkedHashSet<>(openPolls(session.recent(POLLS, 10_000)));
    List<String> asked = session.request().query().getOrDefault("poll_id", List.of());
    asked.stream().filter(id -> POLL_ID.matcher(id).matches()).forEach(polls::add);
    List<String> joined = new ArrayList<>();
    for (String poll : polls) {
      if (session.join(POLL + poll)) {
        joined.add(poll);
      }
    }
    ObjectNode data = JSON.createObjectNode().put("emp_no", session.caller().empNo());
    data.set("poll_ids", JSON.valueToTree(joined.stream().map(Long::parseLong).toList()));
    ObjectNode ack = JSON.createObjectNode().put("type", "connection_ack")
        .put("message", "connected as employee " + session.caller().empNo());
    ack.set("data", data);
    session.send(JSON.writeValueAsBytes(ack));
  }

  /** A poll opened while connected: follow it at once, so its first tally is not missed. */
  @Override
  public void delivering(DialectSession session, StreamEvent event) {
    if (event.type().equals("vote.poll.opened") && event.subject() != null
        && POLL_ID.matcher(event.subject()).matches()) {
      session.join(POLL + event.subject());
    }
  }

  @Override
  public List<byte[]> followUps(StreamEvent event) {
    Built built = lastFollowUps.get();
    if (built != null && built.eventId().equals(event.id())) {
      return built.frames();
    }
    List<byte[]> frames = VoteFrames.perOption(event);
    lastFollowUps.set(new Built(event.id(), frames));
    return frames;
  }

  @Override
  public void received(DialectSession session, JsonNode frame) {
    JsonNode type = frame.get("type");
    String name = type != null && type.isString() ? type.asString() : null;
    if ("ping".equals(name)) {
      session.send(JSON.writeValueAsBytes(JSON.createObjectNode().put("type", "pong")));
    } else if ("join".equals(name)) {
      JsonNode poll = frame.get("poll_id");
      String id = poll != null && (poll.isIntegralNumber() || poll.isString()) ? poll.asString() : "";
      if (!POLL_ID.matcher(id).matches()) {
        session.error("BAD_REQUEST", "\"join\" needs a poll_id, a positive integer");
      } else if (!session.join(POLL + id)) {
        session.error("FORBIDDEN", "you may not follow poll " + id);
      }
    } else if (name == null) {
      session.error("BAD_FRAME", "a frame needs a string \"type\"");
    } else {
      session.error("UNKNOWN_TYPE", "unknown type '" + (name.length() <= 64 ? name : name.substring(0, 64) + "…")
          + "'; known: ping, join");
    }
  }

  /** Polls opened and not closed in the events given (oldest first). */
  static List<String> openPolls(List<StreamEvent> events) {
    Set<String> open = new LinkedHashSet<>();
    for (StreamEvent event : events) {
      if (event.subject() == null || !POLL_ID.matcher(event.subject()).matches()) {
        continue;
      }
      if (event.type().equals("vote.poll.opened")) {
        open.add(event.subject());
      } else if (event.type().equals("vote.poll.closed")) {
        open.remove(event.subject());
      }
    }
    return List.copyOf(open);
  }
}

package com.pulse.notification.socket;

import java.time.Instant;
import java.util.Objects;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * {@code refresh {token}}: a fresh token of the same user replaces the connection's, without reconnecting; its expiry
 * becomes the connection's ({@code refreshed}). A token that is invalid, expired or another user's is refused with
 * {@code TOKEN_INVALID} and the current one stays (and still expires: close 4001); so is a revoked one (its
 * sign-in ended) or one whose {@code exp} is already past. The channels stay as they are:
 * roles are not re-read (reconnect to pick up new roles).
 */
@Component
final class RefreshCommand implements ClientCommand {

  private final ReactiveJwtDecoder decoder;
  private final ServerFrames frames;

  RefreshCommand(ReactiveJwtDecoder decoder, ServerFrames frames) {
    this.decoder = decoder;
    this.frames = frames;
  }

  @Override
  public String type() {
    return "refresh";
  }

  @Override
  public void handle(Connection connection, JsonNode frame, JsonNode ref) {
    JsonNode token = frame.get("token");
    if (token == null || !token.isString() || token.asString().isBlank()) {
      connection.send(frames.error(ServerFrames.BAD_REQUEST, "\"refresh\" needs a string \"token\"", ref));
      return;
    }
    // validation may fetch keys: asynchronous, never on the connection's I/O thread
    decoder.decode(token.asString()).subscribe(jwt -> {
      if (!Objects.equals(jwt.getSubject(), connection.caller().id())) {
        connection.send(frames.error(ServerFrames.TOKEN_INVALID, "the token is another user's", ref));
        return;
      }
      if (jwt.getExpiresAt() != null && !jwt.getExpiresAt().isAfter(Instant.now())) {
        // within the validators' clock skew, but a refresh to an expiry already past extends nothing
        connection.send(frames.error(ServerFrames.TOKEN_INVALID, "the token is invalid or expired", ref));
        return;
      }
      connection.usedTokens(SocketCaller.tokenIds(jwt));
      connection.expiresAt(jwt.getExpiresAt());
      connection.send(frames.refreshed(jwt.getExpiresAt(), ref));
    }, error -> connection.send(frames.error(ServerFrames.TOKEN_INVALID, "the token is invalid or expired", ref)));
  }
}

package com.pulse.notification.socket;

import java.util.List;
import java.util.Map;

/**
 * A dialect's handshake as far as it may look at it: the path, the value of its {@code {name}} segment, and the query
 * parameters (decoded; the token is never among them).
 *
 * @param pathParameter the value of the path's last {@code {name}} segment, or null when the path has none
 */
public record DialectRequest(String path, String pathParameter, Map<String, List<String>> query) {

  public DialectRequest {
    query = Map.copyOf(query);
  }

  /** The first value of a query parameter, or null. */
  public String query(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.getFirst();
  }
}

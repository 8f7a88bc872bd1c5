package com.pulse.notification.fallback;

import com.pulse.events.ChannelCatalog;
import com.pulse.identity.Caller;
import com.pulse.notification.channel.Dispatcher;
import com.pulse.notification.channel.Page;
import com.pulse.notification.channel.PositionRefused;
import com.pulse.notification.stream.StreamPosition;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/notifications/events?channel=…&since=…&limit=…}: a channel's events after a position, for polling
 * clients and for refetching after {@code recovered:false}. Without {@code since}: the latest {@code limit} events.
 * The answer's {@code position} is the next {@code since}; {@code recovered:false} means the gap is beyond the history
 * (no events returned: reload the state from the domain service, then poll from {@code position}).
 */
@RestController
final class EventsController {

  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;

  private final ChannelCatalog catalog;
  private final Dispatcher dispatcher;
  private final JsonMapper json;

  EventsController(ChannelCatalog catalog, Dispatcher dispatcher, JsonMapper json) {
    this.catalog = catalog;
    this.dispatcher = dispatcher;
    this.json = json;
  }

  @GetMapping(path = "/api/notifications/events", produces = MediaType.APPLICATION_JSON_VALUE)
  byte[] events(Caller caller, @RequestParam(required = false) String channel,
      @RequestParam(required = false) String since, @RequestParam(required = false) String limit) {
    String name = ChannelRequest.channel(catalog, caller, "channel", channel);
    StreamPosition from = ChannelRequest.position("since", since);
    int max = ChannelRequest.limit("limit", limit, DEFAULT_LIMIT, MAX_LIMIT);
    Page page;
    try {
      page = from == null ? dispatcher.history(name, max) : dispatcher.eventsSince(name, from, max);
    } catch (PositionRefused refused) {
      throw BadRequest.field("since", refused.getMessage());
    }
    return body(name, page);
  }

  /** {@code {"channel","recovered","position","events":[{"position","event"}…]}}, events as Kafka holds them. */
  private byte[] body(String channel, Page page) {
    Map<String, Object> head = new LinkedHashMap<>();
    head.put("channel", channel);
    head.put("recovered", page.recovered());
    head.put("position", page.position().toString());
    return page.withEvents(json.writeValueAsBytes(head), json);
  }
}

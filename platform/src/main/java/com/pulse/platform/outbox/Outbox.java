package com.pulse.platform.outbox;

import com.pulse.events.Announcement;
import com.pulse.events.ChannelCatalog;
import com.pulse.events.EventSchemas;
import com.pulse.events.EventType;
import com.pulse.events.PulseEvents;
import io.cloudevents.CloudEvent;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records a domain event in the current transaction. Call it in the same {@code @Transactional} method that changes
 * the aggregate, after the change, so the aggregate's row lock orders concurrent events of one aggregate.
 *
 * <p>The producer names the event's audience ({@link Announcement}): the channels, from its own data, and how urgent
 * and in what words people are told. Every channel must be one the {@link ChannelCatalog} declares, checked here on
 * every append: an event addressed to a channel nobody can join would silently reach no one.
 */
public class Outbox {

  private final OutboxStore store;
  private final JsonMapper json;
  private final URI source;
  private final Supplier<String> traceparent;
  private final EventSchemas schemas;
  private final ChannelCatalog catalog = ChannelCatalog.standard();

  Outbox(OutboxStore store, JsonMapper json, URI source, Supplier<String> traceparent, EventSchemas schemas) {
    this.store = store;
    this.json = json;
    this.source = source;
    this.traceparent = traceparent;
    this.schemas = schemas;
  }

  /**
   * Appends an event to the outbox; it reaches Kafka after, and only if, the surrounding transaction commits.
   *
   * @param aggregateId the CloudEvents subject and the Kafka key
   * @param sequence the aggregate's version after the change (1 for a new aggregate)
   * @param data the payload, serialized as JSON
   * @param announcement who the event is for and how to tell them
   * @return the event id
   * @throws IllegalStateException outside a transaction, for a channel the catalog does not declare, or (with schema
   *     validation on) for an event that breaks its schema
   */
  public UUID append(EventType type, String aggregateId, long sequence, Object data, Announcement announcement) {
    Prepared event = prepare(type, aggregateId, sequence, data, announcement);
    store.insert(event);
    return event.id();
  }

  /**
   * Builds, checks and serializes an event as {@link #append} does, without writing it: a command that produces many
   * events writes them with one {@link #appendAll} instead of one statement each.
   *
   * @throws IllegalStateException as {@link #append} does
   */
  public Prepared prepare(EventType type, String aggregateId, long sequence, Object data,
      Announcement announcement) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("Outbox.append needs the transaction that changes " + aggregateId);
    }
    for (String channel : announcement.audience()) {
      if (!catalog.isKnown(channel)) {
        throw new IllegalStateException(type.type() + " event addressed to " + channel
            + ", which the channel catalog does not declare");
      }
    }
    CloudEvent event = PulseEvents.event(type)
        .announce(announcement)
        .source(source)
        .subject(aggregateId)
        .sequence(sequence)
        .traceparent(traceparent.get())
        .data(json.writeValueAsBytes(data))
        .build();
    byte[] payload = PulseEvents.serialize(event);
    if (schemas != null) {
      List<String> violations = schemas.violations(payload);
      if (!violations.isEmpty()) {
        throw new IllegalStateException(type.type() + " event breaks its schema: " + violations);
      }
    }
    return new Prepared(UUID.fromString(event.getId()), type.topic(), aggregateId, type.type(), sequence, payload,
        (String) event.getExtension(PulseEvents.TRACEPARENT));
  }

  /**
   * Writes prepared events in the current transaction in one statement, in the list's order (the relay publishes in
   * that order). They reach Kafka after, and only if, the transaction commits.
   */
  public void appendAll(List<Prepared> events) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("Outbox.appendAll needs the transaction that made the changes");
    }
    if (!events.isEmpty()) {
      store.insertAll(events);
    }
  }

  /** An event ready to be written: what {@code pulse_outbox} holds of it. */
  public record Prepared(UUID id, String topic, String key, String type, long sequence, byte[] payload,
      String traceparent) {}
}

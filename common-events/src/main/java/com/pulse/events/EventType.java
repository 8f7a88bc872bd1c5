package com.pulse.events;

import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalogue of event types: CloudEvents {@code type}, the topic that carries it and its data schema.
 *
 * <p>Routing everywhere is by the stable {@link #type()} string, never by a Java class name. A breaking change to a
 * payload gets a new major topic ({@code ocs.orders.v2}) and a new schema version, never an edit in place.
 */
public enum EventType {

  OCS_ORDER_CREATED("ocs.order.created", Topics.OCS_ORDERS),
  OCS_ORDER_ACCEPTED("ocs.order.accepted", Topics.OCS_ORDERS),
  OCS_ORDER_STARTED("ocs.order.started", Topics.OCS_ORDERS),
  OCS_ORDER_COMPLETED("ocs.order.completed", Topics.OCS_ORDERS),
  OCS_ORDER_CANCELLED("ocs.order.cancelled", Topics.OCS_ORDERS),

  SPC_MEASUREMENT_RECORDED("spc.measurement.recorded", Topics.SPC_PRODUCTS),
  SPC_ALERT_RAISED("spc.alert.raised", Topics.SPC_PRODUCTS),
  SPC_ALERT_ACKNOWLEDGED("spc.alert.acknowledged", Topics.SPC_PRODUCTS),
  SPC_ALERT_RESOLVED("spc.alert.resolved", Topics.SPC_PRODUCTS),
  SPC_LIMITS_FROZEN("spc.limits.frozen", Topics.SPC_PRODUCTS),
  SPC_CAPABILITY_ANALYZED("spc.capability.analyzed", Topics.SPC_PRODUCTS),
  JOURNEY_PATIENT_STATE_CHANGED("journey.patient.state-changed", Topics.JOURNEY_PATIENTS),
  JOURNEY_PATIENT_CALLED("journey.patient.called", Topics.JOURNEY_PATIENTS),
  JOURNEY_QUEUE_UPDATED("journey.queue.updated", Topics.JOURNEY_QUEUES),
  VOTE_POLL_OPENED("vote.poll.opened", Topics.VOTE_POLLS),
  VOTE_POLL_TALLIED("vote.poll.tallied", Topics.VOTE_POLLS),
  VOTE_POLL_CLOSED("vote.poll.closed", Topics.VOTE_POLLS);

  private static final Map<String, EventType> BY_TYPE =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));

  private final String type;
  private final String topic;

  EventType(String type, String topic) {
    this.type = type;
    this.topic = topic;
  }

  /** The CloudEvents {@code type} attribute, e.g. {@code ocs.order.created}. */
  public String type() {
    return type;
  }

  /** The Kafka topic that carries events of this type, e.g. {@code ocs.orders.v1}. */
  public String topic() {
    return topic;
  }

  /** Major version of the payload, taken from the topic name. */
  public int majorVersion() {
    return Integer.parseInt(topic.substring(topic.lastIndexOf(".v") + 2));
  }

  /** The CloudEvents {@code dataschema} attribute: {@code urn:pulse:schema:<type>:v<major>}. */
  public URI dataSchema() {
    return URI.create("urn:pulse:schema:" + type + ":v" + majorVersion());
  }

  /** Classpath location of the JSON Schema for the payload ({@code data}) of this type. */
  public String schemaResource() {
    return "schemas/" + type + ".v" + majorVersion() + ".json";
  }

  public static Optional<EventType> of(String type) {
    return Optional.ofNullable(BY_TYPE.get(type));
  }
}

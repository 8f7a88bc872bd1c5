package com.pulse.events;

import java.util.Arrays;
import java.util.List;

/**
 * Kafka topic names: {@code <domain>.<aggregate>.v<major>}. Records are keyed by aggregate id, so the order of one
 * aggregate's events holds however many partitions a topic has.
 */
public final class Topics {

  public static final String OCS_ORDERS = "ocs.orders.v1";
  /** Everything about SPC products (spc-service): measurements, limits, capability, alerts; keyed by product id. */
  public static final String SPC_PRODUCTS = "spc.products.v1";
  /** A patient's journey (state changes, calls), keyed by patient id. */
  public static final String JOURNEY_PATIENTS = "journey.patients.v1";
  /** An exam queue's board, keyed by exam id. */
  public static final String JOURNEY_QUEUES = "journey.queues.v1";
  public static final String VOTE_POLLS = "vote.polls.v1";

  private Topics() {}

  /** Every topic some event type is published on. */
  public static List<String> all() {
    return Arrays.stream(EventType.values()).map(EventType::topic).distinct().toList();
  }
}

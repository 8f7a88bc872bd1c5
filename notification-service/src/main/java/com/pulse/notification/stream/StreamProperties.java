package com.pulse.notification.stream;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the Kafka intake ({@code pulse.notification.stream.*}). Connection settings come from the standard
 * {@code spring.kafka.*} properties.
 *
 * @param pollTimeout longest a poll waits when no record is ready; records are handed over as soon as they arrive
 *     whatever this is, so it only bounds how long stopping takes
 * @param partitionRefresh how often the topics' partitions are looked up again, to pick up added partitions and new
 *     topics
 * @param missingTopicRetry how often to look again while no topic exists yet (or Kafka is unreachable)
 * @param startupWait how long startup waits for the intake to be positioned and to have re-read the history window
 *     before the service reports ready anyway (health then says the intake is down until Kafka answers)
 * @param topics a regular expression: every topic whose whole name matches is read, so a new domain's topic
 *     ({@code <domain>.<aggregate>.v<major>}) needs no change here
 * @param rewind how far back in time the intake starts reading at startup, to rebuild the recovery history (keep it
 *     equal to {@code pulse.notification.history.window})
 * @param sharedFetchWait how long the broker may hold a fetch of the shared feed (the inbox) to fill it: the longest
 *     an event waits before it is written to inboxes, in exchange for one poll, one transaction and one offset commit
 *     per batch instead of per event
 * @param sharedFetchBytes how much the shared feed's fetch gathers before the broker answers without waiting longer
 */
@ConfigurationProperties("pulse.notification.stream")
public record StreamProperties(@DefaultValue("100ms") Duration pollTimeout,
    @DefaultValue("5s") Duration partitionRefresh, @DefaultValue("1s") Duration missingTopicRetry,
    @DefaultValue("30s") Duration startupWait,
    @DefaultValue("[a-z][a-z0-9-]*\\.[a-z][a-z0-9-]*\\.v[0-9]+") String topics,
    @DefaultValue("10m") Duration rewind, @DefaultValue("100ms") Duration sharedFetchWait,
    @DefaultValue("64KB") DataSize sharedFetchBytes) {}

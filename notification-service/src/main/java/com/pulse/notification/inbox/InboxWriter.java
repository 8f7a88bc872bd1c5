package com.pulse.notification.inbox;

import com.pulse.notification.stream.EventBatchListener;
import com.pulse.notification.stream.StreamEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Fills the inbox from the consumer group the instances share, so each event is written by one of them; a new group
 * starts from the oldest retained event. The event id is unique, so a batch redelivered after a crash or rebalance
 * changes nothing. While the database is away a batch is retried until it is back; an event the database refuses
 * for what it is (say, text PostgreSQL cannot store) is found by writing the batch one by one, and handed back to be
 * set aside on the dead-letter topic, so it never blocks the events behind it.
 */
@Component
class InboxWriter implements EventBatchListener {

  private static final Logger log = LoggerFactory.getLogger(InboxWriter.class);

  private final InboxEntries entries;
  private final InboxStore store;
  private final Counter written;
  private final Counter duplicates;
  private final Counter failures;
  private final DistributionSummary batches;

  InboxWriter(InboxEntries entries, InboxStore store, MeterRegistry meters) {
    this.entries = entries;
    this.store = store;
    this.written = Counter.builder("pulse.notification.inbox.written")
        .description("events written to the inbox").register(meters);
    this.duplicates = Counter.builder("pulse.notification.inbox.duplicates")
        .description("redelivered events the inbox already held (nothing changed)").register(meters);
    this.failures = Counter.builder("pulse.notification.inbox.write.failures")
        .description("batches that could not be written and will be retried").register(meters);
    this.batches = DistributionSummary.builder("pulse.notification.inbox.batch")
        .description("events per batch the shared feed handed to the inbox (one transaction each)")
        .baseUnit("events").register(meters);
  }

  @Override
  public void onBatch(List<StreamEvent> events) {
    batches.record(events.size());
    List<InboxEntry> batch = new ArrayList<>(events.size());
    events.forEach(event -> batch.add(entries.entry(event)));
    try {
      count(store.write(batch.stream().filter(entry -> !entry.channels().isEmpty()).toList()), batch);
    } catch (DataAccessException e) {
      failures.increment();
      if (transient_(e)) {
        log.warn("Could not write {} inbox entries ({}); retrying, offsets stay uncommitted", batch.size(),
            e.toString());
        throw new RetryLater("the inbox database is unavailable", e);
      }
      writeOneByOne(batch);
    }
  }

  /** After a batch was refused: writes each entry alone, so the one the database refuses can be named. */
  private void writeOneByOne(List<InboxEntry> batch) {
    for (int i = 0; i < batch.size(); i++) {
      InboxEntry entry = batch.get(i);
      if (entry.channels().isEmpty()) {
        continue;
      }
      try {
        count(store.write(List.of(entry)), List.of(entry));
      } catch (DataAccessException e) {
        if (transient_(e)) {
          throw new RetryLater("the inbox database is unavailable", e);
        }
        log.warn("The inbox cannot store event {} at {}: {}", entry.eventId(), entry.position(),
            e.getMostSpecificCause().getMessage());
        throw new FailedEvent(i, e.getMostSpecificCause());
      }
    }
  }

  private void count(int inserted, List<InboxEntry> batch) {
    written.increment(inserted);
    duplicates.increment(batch.stream().filter(entry -> !entry.channels().isEmpty()).count() - inserted);
  }

  private static boolean transient_(DataAccessException e) {
    return e instanceof TransientDataAccessException || e instanceof DataAccessResourceFailureException
        || e instanceof RecoverableDataAccessException;
  }
}

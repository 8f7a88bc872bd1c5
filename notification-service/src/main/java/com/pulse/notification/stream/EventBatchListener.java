package com.pulse.notification.stream;

import java.util.List;

/**
 * Receives the events of the consumer group the instances share ({@link SharedEventFeed}): each event reaches one
 * instance, in batches, in partition order, and a batch counts as done only once this returns. A listener says what
 * went wrong by what it throws: {@link RetryLater} for something that will pass (the database is away), retried until
 * it does; {@link FailedEvent} for one event that cannot be handled, retried a few times and then set aside on the
 * dead-letter topic, so one bad event never holds up the rest.
 */
public interface EventBatchListener {

  /** The shared group's name: the inbox's since it was the only listener, kept so deployed offsets stay valid. */
  String GROUP = "notification-inbox";

  /** The shared feed's listener container id. */
  String LISTENER_ID = "notification-shared-feed";

  void onBatch(List<StreamEvent> events);

  /** Nothing in the batch was done; all of it is tried again, with backoff, for as long as it takes. */
  final class RetryLater extends RuntimeException {
    public RetryLater(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The events before {@code index} were handled; the one at {@code index} cannot be. */
  final class FailedEvent extends RuntimeException {
    private final int index;

    public FailedEvent(int index, Throwable cause) {
      super("event " + index + " of the batch cannot be handled: " + cause.getMessage(), cause);
      this.index = index;
    }

    public int index() {
      return index;
    }
  }
}

package com.pulse.notification.stream;

/**
 * Receives every event the intake reads, in partition order, on the intake's single poll thread. Implementations must
 * not block: every millisecond spent here delays every later event for everyone.
 *
 * <p>Listeners run in {@link org.springframework.core.annotation.Order} order.
 */
@FunctionalInterface
public interface StreamListener {

  void on(StreamEvent event);

  /**
   * A partition was assigned; its first event read will be at {@code firstOffset} or later (history of that partition
   * on this instance starts there). Called on the poll thread before any event of that partition.
   */
  default void assigned(PartitionId partition, long firstOffset) {}
}

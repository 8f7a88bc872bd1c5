package com.pulse.notification.socket;

import java.util.AbstractQueue;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded queue that costs nothing while empty: an idle connection must stay small (tens of thousands are held
 * open), so no array is allocated up front as {@code ArrayBlockingQueue} would. One producer (the connection's
 * synchronized offer) and one consumer (the sink's drain) at a time.
 */
final class SendQueue<T> extends AbstractQueue<T> {

  private final Queue<T> items = new ConcurrentLinkedQueue<>();
  private final AtomicInteger size = new AtomicInteger();
  private final int capacity;

  SendQueue(int capacity) {
    this.capacity = capacity;
  }

  @Override
  public boolean offer(T item) {
    if (size.get() >= capacity) {
      return false;
    }
    items.offer(item);
    size.incrementAndGet();
    return true;
  }

  @Override
  public T poll() {
    T item = items.poll();
    if (item != null) {
      size.decrementAndGet();
    }
    return item;
  }

  @Override
  public T peek() {
    return items.peek();
  }

  @Override
  public int size() {
    return size.get();
  }

  @Override
  public Iterator<T> iterator() {
    return items.iterator();
  }
}

package com.pulse.spc.product;

import com.pulse.events.Announcement;
import com.pulse.events.EventType;
import com.pulse.platform.outbox.Outbox;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one place SPC events are written: every one is keyed by its product and numbered by the product's own sequence,
 * so a consumer reads one product's measurements, limit sets, analyses and alerts in the order they happened. Call
 * it in the transaction that made the change, with the product's row locked ({@link ProductRepository#findLocked}).
 *
 * <p>A transaction's events are built and checked when appended, and written when it commits: the product's sequence
 * is taken from its row once and counted on in memory (the row lock keeps it ours), then stored once, and all the
 * events go into the outbox in one statement, in the order they were appended. A batch of 1,000 values is three
 * statements of events, not 2,000 — and not 1,000 new versions of the product's row either.
 */
@Component
public class ProductEvents {

  private final ProductRepository products;
  private final Outbox outbox;

  ProductEvents(ProductRepository products, Outbox outbox) {
    this.products = products;
    this.outbox = outbox;
  }

  public void append(Product product, EventType type, Object data, Announcement announcement) {
    Pending pending = pending(product);
    long sequence = pending.next(product.id());
    pending.events.add(outbox.prepare(type, Long.toString(product.id()), sequence, data, announcement));
  }

  /** {@code spc:product:{id}}: everything about one product. */
  public static String productChannel(long productId) {
    return "spc:product:" + productId;
  }

  /** {@code spc:alerts}: the general quality feed. */
  public static final String ALERTS = "spc:alerts";

  /** The current transaction's unwritten events, registered to be written before it commits. */
  private Pending pending(Product product) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      throw new IllegalStateException("ProductEvents.append needs the transaction that changes product "
          + product.id());
    }
    // the synchronizations, unlike bound resources, are suspended with their transaction (REQUIRES_NEW)
    for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
      if (synchronization instanceof Pending pending && pending.owner == this) {
        return pending;
      }
    }
    Pending pending = new Pending(this);
    TransactionSynchronizationManager.registerSynchronization(pending);
    return pending;
  }

  private void write(Pending pending) {
    pending.sequences.forEach((productId, range) -> {
      if (range[1] > range[0]) {
        products.storeEventSequence(productId, range[1]);
      }
    });
    outbox.appendAll(pending.events);
    pending.sequences.clear();
    pending.events.clear();
  }

  private static final class Pending implements TransactionSynchronization {

    final ProductEvents owner;
    /** Per product: the first sequence number this transaction took from the row and the last it gave out. */
    final Map<Long, long[]> sequences = new LinkedHashMap<>();
    final List<Outbox.Prepared> events = new ArrayList<>();

    Pending(ProductEvents owner) {
      this.owner = owner;
    }

    long next(long productId) {
      long[] range = sequences.get(productId);
      if (range == null) {
        long first = owner.products.nextEventSequence(productId);
        sequences.put(productId, new long[] {first, first});
        return first;
      }
      return ++range[1];
    }

    @Override
    public void beforeCommit(boolean readOnly) {
      owner.write(this);
    }
  }
}

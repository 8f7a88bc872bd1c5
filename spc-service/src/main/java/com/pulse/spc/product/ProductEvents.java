package com.pulse.spc.product;

import com.pulse.events.Announcement;
import com.pulse.events.EventType;
import com.pulse.platform.outbox.Outbox;
import org.springframework.stereotype.Component;

/**
 * The one place SPC events are written: every one is keyed by its product and numbered by the product's own sequence,
 * so a consumer reads one product's measurements, limit sets, analyses and alerts in the order they happened. Call
 * it in the transaction that made the change, with the product's row locked ({@link ProductRepository#findLocked}).
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
    long sequence = products.nextEventSequence(product.id());
    outbox.append(type, Long.toString(product.id()), sequence, data, announcement);
  }

  /** {@code spc:product:{id}}: everything about one product. */
  public static String productChannel(long productId) {
    return "spc:product:" + productId;
  }

  /** {@code spc:alerts}: the general quality feed. */
  public static final String ALERTS = "spc:alerts";
}

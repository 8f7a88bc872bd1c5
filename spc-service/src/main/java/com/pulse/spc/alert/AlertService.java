package com.pulse.spc.alert;

import com.pulse.events.EventType;
import com.pulse.identity.Caller;
import com.pulse.spc.product.Product;
import com.pulse.spc.product.ProductEvents;
import com.pulse.spc.product.ProductRepository;
import com.pulse.spc.product.SpcProblems;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Raises alerts and moves them along OPEN → ACKNOWLEDGED → RESOLVED, one event per change. Every command locks the
 * product's row first (then the alert's), the same order measurements take, so they never deadlock.
 */
@Service
public class AlertService {

  private final AlertRepository alerts;
  private final ProductRepository products;
  private final ProductEvents events;
  private final AlertProperties properties;
  private final Clock clock = Clock.systemUTC();

  AlertService(AlertRepository alerts, ProductRepository products, ProductEvents events, AlertProperties properties) {
    this.alerts = alerts;
    this.products = products;
    this.events = events;
    this.properties = properties;
  }

  /**
   * Raises an automatic alert, or counts a repeat on the OPEN one of the same product, type and test (no event then).
   * Runs in the caller's transaction, which holds the product's row lock.
   *
   * @param test the run-rule test, or {@code null}
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Alert raise(Product product, AlertType type, Integer test, String title, String message,
      Integer limitVersion, Long subgroupNumber) {
    AlertRepository.Raised raised = alerts.raise(new AlertRepository.NewAlert(product.id(), type, test, false,
        properties.priorityOf(type), title, message, limitVersion, subgroupNumber, null), now());
    if (raised.fresh()) {
      events.append(product, EventType.SPC_ALERT_RAISED, raised.alert(), AlertAnnouncement.raised(raised.alert()));
    }
    return raised.alert();
  }

  /**
   * Raises the alerts of one command (a batch of values) on a product: the first raise of each type and test goes to
   * {@link #raise}; the later ones can only be repeats on the alert that is then OPEN (acknowledging or resolving it
   * waits for the product's row lock, which the command holds), so they are counted here and stored together by
   * {@link Raiser#countRepeats()}, which the command calls before it ends.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Raiser raiser(Product product) {
    return new Raiser(product);
  }

  /** See {@link #raiser}. Not thread-safe: one command's. */
  public final class Raiser {

    private final Product product;
    /** Per type and test: the OPEN alert and the repeats on it not yet stored. */
    private final Map<String, long[]> raised = new LinkedHashMap<>();

    private Raiser(Product product) {
      this.product = product;
    }

    /** As {@link AlertService#raise}. */
    public void raise(AlertType type, Integer test, String title, String message, Integer limitVersion,
        Long subgroupNumber) {
      long[] open = raised.get(type + "/" + test);
      if (open != null) {
        open[1]++;
        return;
      }
      Alert alert = AlertService.this.raise(product, type, test, title, message, limitVersion, subgroupNumber);
      raised.put(type + "/" + test, new long[] {alert.id(), 0});
    }

    /** Stores the repeats counted since the first raise of each type and test, all in one statement. */
    public void countRepeats() {
      Map<Long, Integer> repeats = new LinkedHashMap<>();
      raised.values().stream().filter(open -> open[1] > 0).forEach(open -> {
        repeats.put(open[0], (int) open[1]);
        open[1] = 0;
      });
      if (!repeats.isEmpty()) {
        alerts.countRepeats(repeats, now());
      }
    }
  }

  @Transactional
  Alert raiseManually(ManualAlertRequest request, Caller user) {
    Product product = products.findLocked(request.productId())
        .orElseThrow(() -> SpcProblems.invalid("productId", "no product " + request.productId()));
    AlertType type = request.alertType() == null ? AlertType.MANUAL : request.alertType();
    int priority = request.priority() == null ? properties.priorityOf(type) : request.priority();
    Alert alert = alerts.raise(new AlertRepository.NewAlert(product.id(), type, null, true, priority,
        request.title().strip(), request.message() == null ? "" : request.message().strip(), null, null, user.id()),
        now()).alert();
    events.append(product, EventType.SPC_ALERT_RAISED, alert, AlertAnnouncement.raised(alert));
    return alert;
  }

  /** 404 unknown, 409 unless OPEN. */
  @Transactional
  Alert acknowledge(long id, Caller user) {
    Product product = lock(id);
    Alert alert = alerts.find(id).orElseThrow();
    if (alert.status() != AlertStatus.OPEN) {
      throw notNow(alert, "acknowledge", "only an OPEN alert is acknowledged");
    }
    alerts.acknowledge(id, user.id(), now());
    Alert next = alerts.find(id).orElseThrow();
    events.append(product, EventType.SPC_ALERT_ACKNOWLEDGED, next, AlertAnnouncement.acknowledged(next));
    return next;
  }

  /** 404 unknown, 409 when already RESOLVED. */
  @Transactional
  Alert resolve(long id, ResolveRequest request, Caller user) {
    Product product = lock(id);
    Alert alert = alerts.find(id).orElseThrow();
    if (alert.status() == AlertStatus.RESOLVED) {
      throw notNow(alert, "resolve", "it is resolved already");
    }
    alerts.resolve(id, user.id(), request.cause().strip(), request.action().strip(), now());
    Alert next = alerts.find(id).orElseThrow();
    events.append(product, EventType.SPC_ALERT_RESOLVED, next, AlertAnnouncement.resolved(next));
    return next;
  }

  private Product lock(long id) {
    long productId = alerts.productOf(id).orElseThrow(() -> SpcProblems.notFound("Alert " + id));
    Product product = products.findLocked(productId).orElseThrow();
    alerts.lock(id);
    return product;
  }

  private static RuntimeException notNow(Alert alert, String action, String why) {
    var e = SpcProblems.conflict("Action not allowed in this status",
        "Cannot " + action + " alert " + alert.id() + ": it is " + alert.status() + "; " + why + ".");
    e.getBody().setProperty("alertId", alert.id());
    e.getBody().setProperty("currentStatus", alert.status());
    return e;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}

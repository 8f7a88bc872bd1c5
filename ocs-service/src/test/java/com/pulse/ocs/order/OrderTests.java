package com.pulse.ocs.order;

import com.pulse.events.ocs.OrderPriority;
import com.pulse.events.ocs.OrderStatus;
import com.pulse.identity.JobRole;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The aggregate on its own: each action makes the next version and records what the step records. */
class OrderTests {

  private static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");

  private final Order requested = Order.request("P-1", "dr.kim", JobRole.RIS, "CT-HEAD", null, null, T0);

  @Test
  void aNewOrderIsRequestedRoutineVersionOne() {
    assertThat(requested.status()).isEqualTo(OrderStatus.REQUESTED);
    assertThat(requested.priority()).isEqualTo(OrderPriority.ROUTINE);
    assertThat(requested.version()).isEqualTo(1);
    assertThat(requested.workerId()).isNull();
  }

  @Test
  void eachStepRecordsItsTimeAndKeepsWhatCameBefore() {
    Order accepted = requested.apply(OrderAction.ACCEPT, "ris.park", "ignored", T0.plusSeconds(1));
    Order started = accepted.apply(OrderAction.START, "admin", null, T0.plusSeconds(2));
    Order completed = started.apply(OrderAction.COMPLETE, "ris.park", "Normal.", T0.plusSeconds(3));

    assertThat(accepted.workerId()).isEqualTo("ris.park");
    assertThat(accepted.acceptedAt()).isEqualTo(T0.plusSeconds(1));
    assertThat(accepted.result()).isNull();
    assertThat(started.workerId()).as("starting does not change who holds it").isEqualTo("ris.park");
    assertThat(started.startedAt()).isEqualTo(T0.plusSeconds(2));
    assertThat(completed.status()).isEqualTo(OrderStatus.COMPLETED);
    assertThat(completed.result()).isEqualTo("Normal.");
    assertThat(completed.completedAt()).isEqualTo(T0.plusSeconds(3));
    assertThat(completed.acceptedAt()).isEqualTo(T0.plusSeconds(1));
    assertThat(completed.version()).isEqualTo(4);
    assertThat(completed.createdAt()).isEqualTo(T0);
  }

  @Test
  void cancellingRecordsTheReasonAndKeepsTheWorker() {
    Order cancelled = requested.apply(OrderAction.ACCEPT, "ris.park", null, T0.plusSeconds(1))
        .apply(OrderAction.CANCEL, "dr.kim", "Ordered twice.", T0.plusSeconds(5));

    assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(cancelled.cancelReason()).isEqualTo("Ordered twice.");
    assertThat(cancelled.cancelledAt()).isEqualTo(T0.plusSeconds(5));
    assertThat(cancelled.workerId()).isEqualTo("ris.park");
    assertThat(cancelled.version()).isEqualTo(3);
  }

  @Test
  void refusesAnActionItsStatusDoesNotAllow() {
    assertThatThrownBy(() -> requested.apply(OrderAction.COMPLETE, "ris.park", "x", T0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("REQUESTED");
  }
}

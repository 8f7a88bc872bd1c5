package com.pulse.journey.state;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Who is called next in an exam's line: higher priority first, then earlier arrival (then lower queue number). An
 * entry held until later (delayed) is skipped until then but never loses its place: its arrival, not the end of its
 * delay, sorts it. The same order is the board's waiting list and the position for {@link EstimatedWait}.
 */
public final class CallOrder {

  private static final Comparator<CallCandidate<?>> ORDER =
      ((Comparator<CallCandidate<?>>) (a, b) -> Integer.compare(b.priority(), a.priority()))
      .thenComparing(CallCandidate::arrivedAt)
      .thenComparingInt(CallCandidate::queueNumber);

  private CallOrder() {}

  /** The entries that wait in line (held ones included, at their place), in call order. */
  public static <K> List<CallCandidate<K>> line(Collection<CallCandidate<K>> entries) {
    StateMachine machine = StateMachine.fromSeed();
    return entries.stream().filter(c -> machine.journeyStateOf(c.state()) == JourneyState.WAITING)
        .sorted(ORDER).toList();
  }

  /** The first entry of the line that may be called at {@code now}; empty if none. */
  public static <K> Optional<CallCandidate<K>> next(Collection<CallCandidate<K>> entries, Instant now) {
    return line(entries).stream().filter(c -> c.callableAt(now)).findFirst();
  }
}

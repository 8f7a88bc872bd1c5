package com.pulse.notification.channel;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The recovery window ({@code pulse.notification.history.*}): each channel keeps its recent events in memory, up to
 * {@code window} old and at most {@code maxEvents}; a gap inside both limits is recovered, a longer one is answered
 * {@code recovered:false}. Event bytes are held once, whatever number of channels list them.
 *
 * @param window how long an event stays recoverable (the intake re-reads this much from Kafka at startup)
 * @param maxEvents the most events one channel keeps
 */
@ConfigurationProperties("pulse.notification.history")
public record HistoryProperties(@DefaultValue("10m") Duration window, @DefaultValue("10000") int maxEvents) {

  public HistoryProperties {
    if (maxEvents < 1) {
      throw new IllegalArgumentException("pulse.notification.history.max-events must be at least 1");
    }
  }
}

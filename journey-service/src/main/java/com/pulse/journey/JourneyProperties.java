package com.pulse.journey;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pulse.journey.*}.
 *
 * @param demoData add the demo hospital at start when missing (the local stack's default)
 * @param consistencyInterval how often the consistency check runs and refreshes its gauges
 * @param defaultDelay how long a delayed patient is skipped by call-next when the request does not say
 * @param timeZone the hospital's zone: what "today" means for queue numbers and appointments
 */
@ConfigurationProperties("pulse.journey")
public record JourneyProperties(
    @DefaultValue("false") boolean demoData,
    @DefaultValue("PT1M") Duration consistencyInterval,
    @DefaultValue("PT10M") Duration defaultDelay,
    @DefaultValue("Asia/Seoul") ZoneId timeZone) {}

package com.pulse.notification.dialect;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pulse.notification.journey.*}: where the journey dialect forwards {@code perform_action} and
 * {@code fetch_initial_state}, and how patiently.
 *
 * @param url journey-service's base URL
 * @param timeout how long one call may take before the client is told it failed
 * @param openFor how long the circuit breaker stays open after journey-service kept failing
 */
@ConfigurationProperties("pulse.notification.journey")
record JourneyProperties(
    @DefaultValue("http://localhost:8083") URI url,
    @DefaultValue("3s") Duration timeout,
    @DefaultValue("10s") Duration openFor) {}

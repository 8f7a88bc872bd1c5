package com.pulse.notification.stream;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How instances share presence ({@code pulse.notification.presence.*}).
 *
 * @param topic where every instance publishes its presence and reads the others'; declared at start-up (topics are
 *     not auto-created), outside the intake's {@code <domain>.<aggregate>.v<major>} pattern
 * @param interval how often each instance publishes its whole presence
 * @param ttl how long a share counts without a newer one: a killed instance's clients leave every count within this
 *     (a stopped one's at once: it says goodbye); keep it a few intervals long
 * @param replicas copies of the topic's partition
 */
@ConfigurationProperties("pulse.notification.presence")
public record PresenceProperties(@DefaultValue("notification-presence") String topic,
    @DefaultValue("2s") Duration interval, @DefaultValue("7s") Duration ttl, @DefaultValue("1") short replicas) {}

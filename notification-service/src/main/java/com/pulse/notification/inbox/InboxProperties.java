package com.pulse.notification.inbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the inbox ({@code pulse.notification.inbox.*}, e.g. {@code PULSE_NOTIFICATION_INBOX_RETENTION=90d}).
 *
 * @param retention entries whose event is older than this are deleted, with their read markers
 * @param purgeEvery how often what has expired is deleted (by one instance at a time)
 */
@ConfigurationProperties("pulse.notification.inbox")
public record InboxProperties(@DefaultValue("30d") Duration retention, @DefaultValue("1h") Duration purgeEvery) {}
